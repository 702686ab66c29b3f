// The member's own records on the detail page: linked villages with the last visit, sector per term,
// their representatives and their contact activities.
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONTACT_METHODS, GENDER, labelOf, PURPOSE_TAGS } from '../../../../core/code-tables';
import { chinaYear } from '../../../../core/working-year';
import { usePagedList } from '../../../components/use-page';
import type { MemberDetail } from './member-types';

/** Linked villages; a village not visited this year is flagged (the yearly-visit rule). */
export function MemberVillages({ m }: { m: MemberDetail }) {
  const { t } = useTranslation();
  const year = chinaYear(new Date());
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={m.villages}
      locale={{ emptyText: t('office.member.noVillages') }}
      columns={[
        { title: t('office.region.village'), dataIndex: 'name' },
        { title: t('office.region.township'), dataIndex: 'townshipName' },
        { title: t('office.region.code'), dataIndex: 'code', responsive: ['md'] },
        {
          title: t('office.member.lastVisit'),
          dataIndex: 'lastVisit',
          render: (d: string | null) =>
            d && Number(d.slice(0, 4)) >= year ? (
              d
            ) : (
              <Tag color="warning" data-testid="village-not-visited">
                {d ?? t('office.member.neverVisited')}
              </Tag>
            ),
        },
      ]}
    />
  );
}

/** The member's sector in each term (old terms keep their sector). */
export function SectorHistory({ m }: { m: MemberDetail }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="termId"
      pagination={false}
      dataSource={m.sectorHistory}
      columns={[
        { title: t('office.sector.term'), dataIndex: 'termName' },
        { title: t('office.member.sector'), dataIndex: 'sectorName' },
      ]}
    />
  );
}

/** Representatives linked to the member (contact details as the server shows them to this user). */
export function MemberRepresentatives({ memberId }: { memberId: number }) {
  const { t } = useTranslation();
  const { tableProps } = usePagedList('/representatives', { memberId }, 10);
  return (
    <div data-testid="member-representatives">
      <Table
        {...tableProps}
        size="small"
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('office.member.name'), dataIndex: 'name' },
          { title: t('office.member.gender'), dataIndex: 'gender', render: (g) => labelOf(GENDER, g) },
          {
            title: t('office.member.workUnitPost'),
            key: 'unit',
            render: (_, r: any) => [r.workUnit, r.post].filter(Boolean).join(' · '),
          },
          { title: t('office.member.phone'), dataIndex: 'phone' },
          {
            title: t('office.rep.place'),
            key: 'place',
            render: (_, r: any) => r.regionName ?? r.departmentName ?? '',
          },
        ]}
      />
    </div>
  );
}

/** Contact activities the member took part in, newest first. */
export function MemberActivities({ memberId }: { memberId: number }) {
  const { t } = useTranslation();
  const { tableProps } = usePagedList('/activities', { memberId }, 10);
  return (
    <div data-testid="member-activities">
      <Table
        {...tableProps}
        size="small"
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('office.activity.date'), dataIndex: 'date', width: 110 },
          { title: t('office.activity.place'), key: 'place', render: (_, a: any) => a.regionName ?? a.location },
          {
            title: t('office.activity.methods'),
            dataIndex: 'methods',
            render: (ms: string[]) => ms.map((c) => labelOf(CONTACT_METHODS, c)).join('、'),
          },
          {
            title: t('office.activity.purposes'),
            dataIndex: 'purposes',
            responsive: ['lg'],
            render: (ps: string[]) => ps.map((c) => <Tag key={c}>{labelOf(PURPOSE_TAGS, c)}</Tag>),
          },
          {
            title: t('office.activity.contacts'),
            dataIndex: 'contacts',
            render: (cs: { id: number; name: string }[]) => cs.map((c) => c.name).join('、'),
          },
          {
            title: t('office.activity.opinions'),
            dataIndex: 'opinions',
            render: (s: string) => (
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, maxWidth: 360 }}>
                {s}
              </Typography.Paragraph>
            ),
          },
        ]}
      />
    </div>
  );
}
