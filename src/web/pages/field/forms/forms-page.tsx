// 表格导出: the three paper forms as Excel and PDF: 名单登记表 per member, 活动记录卡 blank or filled, 活动汇总表 per group.
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Form, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, downloadUrl, qs } from '../../../api';
import { useAuth } from '../../../auth';
import { MemberSelect } from '../../../components/member-select';
import { currentYear, useGroups } from '../lookups';
import type { Activity } from '../types';

/** The two download buttons of one form; disabled until the required choice is made. */
function Downloads({
  path,
  params,
  ready,
  testId,
}: {
  path: string;
  params: Record<string, unknown>;
  ready: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      <Button
        type="primary"
        icon={<FileExcelOutlined />}
        href={ready ? downloadUrl(path, { ...params, format: 'xlsx' }) : undefined}
        disabled={!ready}
        data-testid={`${testId}-xlsx`}
      >
        {t('field.forms.xlsx')}
      </Button>
      <Button
        icon={<FilePdfOutlined />}
        href={ready ? downloadUrl(path, { ...params, format: 'pdf' }) : undefined}
        target="_blank"
        disabled={!ready}
        data-testid={`${testId}-pdf`}
      >
        {t('field.forms.pdf')}
      </Button>
    </Space>
  );
}

function FormCard({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <Card title={title} style={{ height: '100%' }}>
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      {children}
    </Card>
  );
}

/** Picks one of the activities the user may see, searching by text. */
function ActivityPicker({ value, onChange }: { value?: number; onChange: (v?: number) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: ['/activities', 'picker', q],
    queryFn: () => api<{ items: Activity[] }>(`/activities${qs({ q, pageSize: 30 })}`),
  });
  const options = (list.data?.items ?? []).map((a) => ({
    value: a.id,
    label: [a.date, a.regionName, a.members.map((m) => m.name).join(t('field.sep'))].filter(Boolean).join(' · '),
  }));
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={options}
      value={value}
      onChange={onChange}
      loading={list.isFetching}
      placeholder={t('field.forms.pickActivity')}
      style={{ width: '100%' }}
      data-testid="forms-activity"
    />
  );
}

/** The forms page. */
export function FormsPage() {
  const { t } = useTranslation();
  const { me, has } = useAuth();
  const groups = useGroups();
  const { from, to } = currentYear();
  const picksMember = has('admin', 'leader', 'group_leader');
  const [memberId, setMemberId] = useState<number | undefined>(me?.memberId ?? undefined);
  const [activityId, setActivityId] = useState<number | undefined>();
  const [groupId, setGroupId] = useState<number | undefined>(
    has('admin', 'leader') ? undefined : (me?.groupId ?? undefined),
  );
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs(from), dayjs(to)]);
  useEffect(() => {
    if (!groupId && groups.data?.length === 1) setGroupId(groups.data[0].value);
  }, [groupId, groups.data]);
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 16 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('nav.exports')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <FormCard title={t('field.forms.registration')} hint={t('field.forms.registrationHint')}>
            <Form layout="vertical">
              <Form.Item label={t('field.record.member')}>
                {picksMember ? (
                  <MemberSelect
                    value={memberId}
                    onChange={setMemberId}
                    groupId={has('admin', 'leader') ? undefined : me?.groupId}
                    style={{ width: '100%' }}
                    data-testid="forms-member"
                  />
                ) : (
                  <Typography.Text strong>{me?.displayName}</Typography.Text>
                )}
              </Form.Item>
            </Form>
            <Downloads
              path="/exports/registration"
              params={{ memberId }}
              ready={!!memberId}
              testId="forms-registration"
            />
          </FormCard>
        </Col>
        <Col xs={24} lg={12}>
          <FormCard title={t('field.forms.recordCard')} hint={t('field.forms.recordCardHint')}>
            <Form layout="vertical">
              <Form.Item label={t('field.forms.blank')}>
                <Downloads path="/exports/record-card" params={{}} ready testId="forms-card-blank" />
              </Form.Item>
              <Form.Item label={t('field.forms.filled')}>
                <ActivityPicker value={activityId} onChange={setActivityId} />
              </Form.Item>
            </Form>
            <Downloads path="/exports/record-card" params={{ activityId }} ready={!!activityId} testId="forms-card" />
          </FormCard>
        </Col>
        {has('admin', 'leader', 'group_leader') && (
          <Col xs={24} lg={12}>
            <FormCard title={t('field.forms.summary')} hint={t('field.forms.summaryHint')}>
              <Form layout="vertical">
                <Form.Item label={t('field.compliance.group')}>
                  <Select
                    options={groups.data}
                    value={groupId}
                    onChange={setGroupId}
                    disabled={!has('admin', 'leader')}
                    style={{ width: '100%' }}
                    data-testid="forms-group"
                  />
                </Form.Item>
                <Form.Item label={t('field.forms.period')}>
                  <DatePicker.RangePicker
                    value={range}
                    allowClear={false}
                    onChange={(r) => r?.[0] && r[1] && setRange([r[0], r[1]])}
                    style={{ width: '100%' }}
                    data-testid="forms-range"
                  />
                </Form.Item>
              </Form>
              <Downloads
                path="/exports/summary"
                params={{ groupId, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') }}
                ready={!!groupId}
                testId="forms-summary"
              />
            </FormCard>
          </Col>
        )}
      </Row>
    </div>
  );
}
