// /reception: the reception days the user may see, newest first, with booked/total slots.
import { Button, Card, Flex, Grid, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../auth';
import { CardList } from '../../components/card-list';
import { usePagedList } from '../../components/use-page';

/** The list of reception days. */
export function ReceptionListPage() {
  const { t } = useTranslation();
  const { has } = useAuth();
  const { tableProps } = usePagedList('/reception-days', {});
  const isPhone = !Grid.useBreakpoint().md;
  const statusTag = (s: string) => (
    <Tag color={s === 'held' ? 'green' : s === 'cancelled' ? 'default' : 'blue'}>{t(`rcp.status.${s}`)}</Tag>
  );
  return (
    <Card
      title={t('rcp.title')}
      extra={
        has('admin', 'member') && (
          <Link to="/reception/new">
            <Button type="primary" data-testid="reception-new">
              {t('rcp.new')}
            </Button>
          </Link>
        )
      }
    >
      {isPhone ? (
        <CardList
          tableProps={tableProps}
          testId="rcp-cards"
          renderCard={(r: any) => (
            <Card key={r.id} size="small" style={{ marginBlockEnd: 8 }} data-testid="rcp-row" data-id={r.id}>
              <Flex justify="space-between" gap={8} wrap>
                <strong>{r.date}</strong>
                {statusTag(r.status)}
              </Flex>
              <Link to={`/reception/${r.id}`} style={{ display: 'block', marginBlock: 4 }}>
                {r.title}
              </Link>
              <Typography.Text type="secondary">
                {r.place} · {t('rcp.f.booked')} {r.bookedCount}/{r.slotCount}
              </Typography.Text>
              <div>{(r.members as any[]).map((m) => m.name).join('、')}</div>
            </Card>
          )}
        />
      ) : (
        <Table
          {...tableProps}
          scroll={{ x: true }}
          columns={[
            { title: t('rcp.f.date'), dataIndex: 'date' },
            {
              title: t('rcp.f.title'),
              dataIndex: 'title',
              render: (v, r: any) => <Link to={`/reception/${r.id}`}>{v}</Link>,
            },
            { title: t('rcp.f.place'), dataIndex: 'place' },
            {
              title: t('rcp.f.members'),
              dataIndex: 'members',
              render: (ms: any[]) => ms.map((m) => m.name).join('、'),
            },
            { title: t('rcp.f.booked'), render: (_, r: any) => `${r.bookedCount}/${r.slotCount}` },
            {
              title: t('rcp.f.status'),
              dataIndex: 'status',
              render: (s: string) => <Space>{statusTag(s)}</Space>,
            },
          ]}
        />
      )}
    </Card>
  );
}
