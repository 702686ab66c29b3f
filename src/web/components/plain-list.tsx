// A light list for a phone's first screen (the home): rows of avatar, title, description and an action at the end,
// in plain markup styled by theme.css (.jl-list). antd's List would bring its Pagination and Select with it (≈30 KB
// gzip), which the member home's weight budget (tests/e2e/web-weight.e2e.ts) cannot afford.
import { Skeleton } from 'antd';
import type { Key, ReactNode } from 'react';

interface Props<T> {
  items: readonly T[];
  loading?: boolean;
  /** Shown when there are no items (and nothing is loading). */
  empty: ReactNode;
  rowKey: (item: T) => Key;
  renderItem: (item: T) => ReactNode;
  testId?: string;
}

/** The rows, a skeleton while loading, or the empty text. */
export function PlainList<T>({ items, loading, empty, rowKey, renderItem, testId }: Props<T>) {
  if (loading) return <Skeleton active title={false} paragraph={{ rows: 3 }} />;
  if (!items.length)
    return (
      <div className="jl-list-empty" data-testid={testId}>
        {empty}
      </div>
    );
  return (
    <ul className="jl-list" data-testid={testId}>
      {items.map((item) => (
        <li key={rowKey(item)}>{renderItem(item)}</li>
      ))}
    </ul>
  );
}

/** One row: an optional avatar, the title and description, and an optional action at the end. */
export function PlainListItem({
  avatar,
  title,
  description,
  extra,
}: {
  avatar?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <div className="jl-list-item">
      {avatar && <div className="jl-list-avatar">{avatar}</div>}
      <div className="jl-list-body">
        <div className="jl-list-title">{title}</div>
        {description && <div className="jl-list-desc">{description}</div>}
      </div>
      {extra && <div className="jl-list-extra">{extra}</div>}
    </div>
  );
}
