// One member's assessment for a year: total, every line with its evidence, appeals, 述职 download and evaluations.
import { ArrowLeftOutlined, FileWordOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Result, Select, Spin, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, downloadUrl } from '../../api';
import { useAuth } from '../../auth';
import { AppealsPanel } from './appeals-panel';
import { EvaluationsPanel } from './evaluations-panel';
import { MemberLines } from './member-lines';
import { defaultYear, type MemberAnswer, useYears } from './types';

/** The member's score card; used by the staff route and by 我的考核. */
export function MemberAssessment({ year, memberId, mine }: { year: number; memberId: number; mine?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const years = useYears();
  const q = useQuery({
    queryKey: ['assessment-member', year, memberId],
    queryFn: () => api<MemberAnswer>(`/assessments/${year}/members/${memberId}`),
    retry: false,
  });
  const d = q.data;
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={12} align="center" justify="space-between">
        <Flex gap={8} align="center">
          {mine ? null : (
            <Link to={`/assessment?year=${year}`}>
              <ArrowLeftOutlined /> {t('asmt.member.back')}
            </Link>
          )}
          <Typography.Title level={4} style={{ margin: 0 }}>
            {mine ? t('asmt.myTitle') : (d?.member.name ?? t('asmt.title'))}
          </Typography.Title>
          <Select
            value={year}
            options={(years.data?.items ?? []).map((y) => ({ value: y.year, label: String(y.year) }))}
            onChange={(y) => navigate(mine ? `/assessment/me?year=${y}` : `/assessment/${y}/members/${memberId}`)}
            style={{ minWidth: 100 }}
            aria-label={t('asmt.year')}
            data-testid="asmt-member-year"
          />
        </Flex>
        <Button
          icon={<FileWordOutlined />}
          href={downloadUrl(`/assessments/${year}/members/${memberId}/report`, { format: 'docx' })}
          disabled={!d}
          data-testid="asmt-report"
        >
          {t('asmt.member.report')}
        </Button>
      </Flex>
      {q.isLoading ? <Spin /> : null}
      {q.error ? <Alert type="warning" showIcon message={(q.error as Error).message} /> : null}
      {d ? (
        <>
          {d.year.status === 'closed' ? <Alert type="info" showIcon message={t('asmt.scheme.closedHint')} /> : null}
          <Card size="small">
            <Flex wrap gap={24} align="center">
              <Statistic
                title={t('asmt.member.total')}
                value={d.total}
                suffix={`/ ${d.year.fullMarks}`}
                data-testid="asmt-total"
                data-value={d.total}
              />
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2 }}
                items={[
                  { key: 's', label: t('asmt.col.sector'), children: d.member.sectorName || '—' },
                  { key: 'g', label: t('asmt.col.group'), children: d.member.groupName || '—' },
                  { key: 'n', label: t('asmt.scheme.name'), children: d.year.schemeName },
                  { key: 't', label: t('asmt.scheme.talkThreshold'), children: d.year.talkThreshold },
                ]}
              />
              {d.belowThreshold ? <Tag color="red">{t('asmt.member.belowThreshold')}</Tag> : null}
            </Flex>
          </Card>
          <MemberLines data={d} memberId={memberId} onChanged={() => q.refetch()} />
          <AppealsPanel year={year} memberId={memberId} onChanged={() => q.refetch()} />
          <EvaluationsPanel year={year} memberId={memberId} canAdd={d.abilities.canEvaluate} />
        </>
      ) : null}
      {years.data && !years.data.items.length ? <Result status="info" title={t('asmt.noYear')} /> : null}
    </Flex>
  );
}

/** /assessment/:year/members/:memberId (staff, leaders, group leaders). */
export function MemberAssessmentPage() {
  const { year, memberId } = useParams();
  return <MemberAssessment key={`${year}-${memberId}`} year={Number(year)} memberId={Number(memberId)} />;
}

/** /assessment/me: the signed-in member's own score. */
export function MyAssessmentPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const years = useYears();
  const [params] = useSearchParams();
  const fromUrl = Number(params.get('year')) || undefined;
  if (!me?.memberId) return <Result status="info" title={t('asmt.noMember')} />;
  if (years.isLoading) return <Spin />;
  const year = fromUrl ?? defaultYear(years.data?.items);
  return <MemberAssessment key={year} year={year} memberId={me.memberId} mine />;
}
