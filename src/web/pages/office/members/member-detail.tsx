// /members/:id: every field of one member, their villages, sector history, representatives, activities and the 登记表 download.
import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Dropdown, Flex, Result, Skeleton, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { EDUCATION, GENDER, labelOf, POLITICAL_STATUS } from '../../../../core/code-tables';
import { ApiError, api, downloadUrl } from '../../../api';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { PageHead } from '../components/page-head';
import { RepsCount, VillagesCount } from './member-list';
import { PosterButton } from './member-poster';
import { MemberActivities, MemberRepresentatives, MemberVillages, SectorHistory } from './member-related';
import { type MemberDetail, unitAndPost } from './member-types';

/** Loads one member (404 → not found result). */
export function useMember(id: number) {
  return useQuery({ queryKey: ['member', id], queryFn: () => api<MemberDetail>(`/members/${id}`), enabled: id > 0 });
}

function ExportButton({ id }: { id: number }) {
  const { t } = useTranslation();
  const href = (format: string) => downloadUrl('/exports/registration', { memberId: id, format });
  const items = [
    {
      key: 'xlsx',
      label: (
        <a href={href('xlsx')} data-testid="member-export-xlsx">
          {t('office.member.exportXlsx')}
        </a>
      ),
    },
    {
      key: 'pdf',
      label: (
        <a href={href('pdf')} data-testid="member-export-pdf">
          {t('office.member.exportPdf')}
        </a>
      ),
    },
  ];
  return (
    <Dropdown menu={{ items }}>
      <Button icon={<DownloadOutlined />} data-testid="member-export">
        {t('office.member.registrationForm')}
      </Button>
    </Dropdown>
  );
}

/** The detail page. */
export function MemberDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const q = useMember(id);
  if (q.isLoading) return <Skeleton active />;
  if (q.error || !q.data) {
    const notFound = q.error instanceof ApiError && q.error.status === 404;
    return <Result status={notFound ? '404' : 'error'} title={notFound ? t('msg.notFound') : t('msg.loadFailed')} />;
  }
  const m = q.data;
  const yesNo = (b: boolean) => (b ? t('office.common.yes') : t('office.common.no'));
  const masked = (m as any).masked || m.phone.includes('*');
  const fields = [
    { key: 'code', label: t('office.member.code'), children: m.code },
    { key: 'name', label: t('office.member.name'), children: m.name },
    { key: 'gender', label: t('office.member.gender'), children: labelOf(GENDER, m.gender) },
    { key: 'birthYear', label: t('office.member.birthYear'), children: m.birthYear ?? '' },
    { key: 'ethnicity', label: t('office.member.ethnicity'), children: m.ethnicity },
    {
      key: 'political',
      label: t('office.member.politicalStatus'),
      children: labelOf(POLITICAL_STATUS, m.politicalStatus),
    },
    { key: 'education', label: t('office.member.education'), children: labelOf(EDUCATION, m.education) ?? '' },
    { key: 'sector', label: t('office.member.sector'), children: m.sectorName },
    { key: 'group', label: t('office.member.group'), children: m.groupName },
    { key: 'unit', label: t('office.member.workUnitPost'), children: unitAndPost(m) },
    { key: 'standing', label: t('office.member.standing'), children: yesNo(m.isStandingCommittee) },
    { key: 'phone', label: t('office.member.phone'), children: m.phone },
    { key: 'email', label: t('office.member.email'), children: m.email },
    { key: 'address', label: t('office.member.address'), children: m.address },
    { key: 'publicPhone', label: t('office.member.publicPhone'), children: m.publicPhone },
    { key: 'publish', label: t('office.member.publishContact'), children: yesNo(m.publishContact) },
    { key: 'reps', label: t('office.member.repsCount'), children: <RepsCount n={m.representativeCount} /> },
    { key: 'villages', label: t('office.member.villagesCount'), children: <VillagesCount n={m.villageCount} /> },
    { key: 'active', label: t('office.member.active'), children: yesNo(m.active) },
  ];
  return (
    <div data-testid="member-detail">
      <Breadcrumbs items={[{ label: t('nav.members'), to: '/members' }, { label: m.name }]} />
      <PageHead
        title={
          <Flex gap={8} align="center">
            {m.name}
            {m.isStandingCommittee && <Tag color="red">{t('office.member.standingShort')}</Tag>}
            {!m.active && <Tag>{t('office.member.inactive')}</Tag>}
          </Flex>
        }
        sub={m.code}
        extra={
          <Flex gap={8} wrap>
            <Button onClick={() => navigate('/members')}>{t('action.back')}</Button>
            <ExportButton id={m.id} />
            <PosterButton id={m.id} active={m.active} />
            {m.abilities.canEdit && (
              <Button
                type="primary"
                icon={<EditOutlined />}
                data-testid="member-edit"
                onClick={() => navigate(`/members/${m.id}/edit`)}
              >
                {t('action.edit')}
              </Button>
            )}
          </Flex>
        }
      />
      {masked && <Alert type="info" showIcon title={t('office.member.maskedHint')} style={{ marginBlockEnd: 12 }} />}
      <Card style={{ marginBlockEnd: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" items={fields} data-testid="member-fields" />
      </Card>
      <Flex gap={16} wrap style={{ marginBlockEnd: 16 }}>
        <Card
          title={t('office.member.villagesLinked')}
          size="small"
          style={{ flex: '2 1 420px' }}
          data-testid="member-villages"
        >
          <MemberVillages m={m} />
        </Card>
        <Card title={t('office.member.sectorHistory')} size="small" style={{ flex: '1 1 260px' }}>
          <SectorHistory m={m} />
        </Card>
      </Flex>
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'reps',
              label: t('office.member.representatives'),
              children: <MemberRepresentatives memberId={m.id} />,
            },
            { key: 'acts', label: t('office.member.activities'), children: <MemberActivities memberId={m.id} /> },
          ]}
        />
      </Card>
    </div>
  );
}
