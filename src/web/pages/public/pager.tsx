// Previous / "page of pages" / next under a public list (directory, published answers); nothing when one page.
interface Props {
  page: number;
  pages: number;
  onPage: (page: number) => void;
  prev: string;
  next: string;
  className?: string;
}

/** The public pages' pager. */
export function Pager({ page, pages, onPage, prev, next, className = 'pub-pager' }: Props) {
  if (pages <= 1) return null;
  return (
    <nav className={className}>
      <button type="button" className="pub-btn" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {prev}
      </button>
      <span className="pub-muted">
        {page} / {pages}
      </span>
      <button type="button" className="pub-btn" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {next}
      </button>
    </nav>
  );
}
