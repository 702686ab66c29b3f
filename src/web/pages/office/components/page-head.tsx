// The title row of an office page: title on the start side, actions on the end side, wrapping on phones.
import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** Page title with optional sub-title and actions. */
export function PageHead({ title, sub, extra }: { title: ReactNode; sub?: ReactNode; extra?: ReactNode }) {
  return (
    <Flex wrap gap={12} align="center" style={{ marginBlockEnd: 16 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {sub && <Typography.Text type="secondary">{sub}</Typography.Text>}
      <span style={{ flex: 1 }} />
      {extra}
    </Flex>
  );
}
