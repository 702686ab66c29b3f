// The trail above a detail page (工作台 / 社情民意 / 事项), so a clerk always sees where they are and can step back one level.
import { Breadcrumb } from 'antd';
import { Link } from 'react-router';

/** One step of the trail: a label, and a link unless it is the current page. */
export interface Crumb {
  label: string;
  to?: string;
}

/** Renders the trail; the last item is the current page and is not a link. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <Breadcrumb
      data-testid="breadcrumbs"
      style={{ marginBlockEnd: 8 }}
      items={items.map((c, i) => ({
        key: `${i}-${c.label}`,
        title: c.to && i < items.length - 1 ? <Link to={c.to}>{c.label}</Link> : c.label,
      }))}
    />
  );
}
