// The phone form of a paged table: cards, an empty state and a compact pager, fed by usePagedList's table props.
import { Empty, Pagination, Spin } from 'antd';
import type { ReactNode } from 'react';

interface Props<T> {
  tableProps: {
    dataSource: T[];
    loading: boolean;
    pagination: { current: number; pageSize: number; total: number; onChange: (p: number, s: number) => void };
  };
  renderCard: (row: T) => ReactNode;
  testId?: string;
}

/** Cards instead of a table on narrow screens. */
export function CardList<T>({ tableProps, renderCard, testId }: Props<T>) {
  const pg = tableProps.pagination;
  return (
    <Spin spinning={tableProps.loading}>
      <div data-testid={testId}>
        {tableProps.dataSource.map(renderCard)}
        {!tableProps.loading && !tableProps.dataSource.length && <Empty />}
      </div>
      <Pagination
        simple
        align="center"
        current={pg.current}
        pageSize={pg.pageSize}
        total={pg.total}
        onChange={pg.onChange}
      />
    </Spin>
  );
}
