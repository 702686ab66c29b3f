// /reception: the reception days the user may see, newest first, with booked/total slots.
import { Button, Card, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../auth';
import { usePagedList } from '../../components/use-page';

/** The list of reception days. */
export function ReceptionListPage() {
  const { t } = useTranslation();
  const { has } = useAuth();
  const { tableProps } = usePagedList('/reception-days', {});
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
            render: (s: string) => (
              <Space>
                <Tag color={s === 'held' ? 'green' : s === 'cancelled' ? 'default' : 'blue'}>
                  {t(`rcp.status.${s}`)}
                </Tag>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
