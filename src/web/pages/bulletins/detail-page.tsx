// /bulletins/:id: one issue — text, items, credited members, workflow buttons from `abilities`, downloads, outcomes.
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Descriptions, Input, Modal, Row, Space, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, downloadUrl } from '../../api';
import { useAuth } from '../../auth';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { applyApiError } from '../../components/errors';
import { PageHead } from '../office/components/page-head';
import { BulletinStatusTag, IssueNo } from './bits';
import { OutcomesPanel } from './outcomes-panel';
import type { BulletinDetail } from './types';

type Step = 'submit' | 'sign_off' | 'return' | 'issue';
const STEP_KEY: Record<Step, string> = { submit: 'submit', sign_off: 'signOff', return: 'return', issue: 'issue' };

/** The issue page. */
export function BulletinDetailPage() {
  const { t } = useTranslation();
  const { has } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const id = Number(useParams().id);
  const key = ['/bulletins', String(id)];
  const res = useQuery({ queryKey: key, queryFn: () => api<BulletinDetail>(`/bulletins/${id}`) });
  const [dialog, setDialog] = useState<Step | null>(null);
  const [comment, setComment] = useState('');
  const [issueDate, setIssueDate] = useState<Dayjs>(dayjs());
  const b = res.data;
  if (!b) return <Card loading={res.isLoading}>{res.error ? applyApiError(res.error) : null}</Card>;

  const update = (next: BulletinDetail) => {
    client.setQueryData(key, next);
    client.invalidateQueries({ queryKey: ['/bulletins'], exact: false, refetchType: 'none' });
  };
  const run = async (step: Step) => {
    try {
      const body: Record<string, unknown> = { step };
      if (step === 'return') body.comment = comment;
      if (step === 'issue') body.issueDate = issueDate.format('YYYY-MM-DD');
      update(await api<BulletinDetail>(`/bulletins/${id}/steps`, { body }));
      message.success(t('bl.act.done', { action: t(`bl.act.${STEP_KEY[step]}`) }));
      setDialog(null);
      setComment('');
    } catch (e) {
      message.error(applyApiError(e));
    }
  };
  const a = b.abilities;
  const buttons: [Step, boolean][] = [
    ['submit', a.canSubmit],
    ['sign_off', a.canSignOff],
    ['return', a.canReturn],
    ['issue', a.canIssue],
  ];
  const extra = (
    <Space wrap>
      {a.canEdit && (
        <Button data-testid="bl-edit" onClick={() => navigate(`/bulletins/${id}/edit`)}>
          {t('bl.act.edit')}
        </Button>
      )}
      {buttons
        .filter(([, ok]) => ok)
        .map(([s]) => (
          <Button
            key={s}
            type={s === 'return' ? 'default' : 'primary'}
            data-testid={`bl-step-${s}`}
            onClick={() => (s === 'return' || s === 'issue' ? setDialog(s) : run(s))}
          >
            {t(`bl.act.${STEP_KEY[s]}`)}
          </Button>
        ))}
      <Button
        icon={<DownloadOutlined />}
        href={downloadUrl(`/bulletins/${id}/document`, { format: 'docx' })}
        data-testid="bl-docx"
      >
        {t('bl.act.word')}
      </Button>
      <Button
        icon={<DownloadOutlined />}
        href={downloadUrl(`/bulletins/${id}/document`, { format: 'pdf' })}
        data-testid="bl-pdf"
      >
        {t('bl.act.pdf')}
      </Button>
    </Space>
  );
  return (
    <div>
      <Breadcrumbs
        items={[
          { label: t('nav.bulletins'), to: has('admin', 'leader') ? '/bulletins' : '/bulletins/mine' },
          {
            label: b.number ? t('bl.list.issueNo', { year: b.year, number: b.number }) : t('bl.list.unnumbered'),
          },
        ]}
      />
      <PageHead
        title={
          <span data-testid="bl-issue-no">
            <IssueNo row={b} />
          </span>
        }
        sub={
          <span data-testid="bl-status" data-status={b.status}>
            <BulletinStatusTag status={b.status} />
          </span>
        }
        extra={extra}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card>
            <Typography.Title level={4} style={{ textAlign: 'center' }}>
              {b.title}
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 16 }} data-testid="bl-body-view">
              {b.body}
            </Typography.Paragraph>
            <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
              {b.distribution}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Space direction="vertical" style={{ inlineSize: '100%' }}>
            <Card size="small">
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('bl.field.category')}>{b.categoryName}</Descriptions.Item>
                <Descriptions.Item label={t('bl.field.editor')}>{b.editorName}</Descriptions.Item>
                <Descriptions.Item label={t('bl.field.signedOffBy')}>{b.signedOffByName ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('bl.field.issueDate')}>{b.issueDate ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('bl.field.credits')}>
                  <span data-testid="bl-credits">{b.credits.map((c) => c.name).join('、') || t('bl.none')}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('bl.field.items')}>
                  <Space direction="vertical" size={0}>
                    {b.items.map((it) => (
                      <Link key={it.id} to={`/opinions/${it.id}`}>
                        {`${it.title}（${it.statusLabel}）`}
                      </Link>
                    ))}
                  </Space>
                </Descriptions.Item>
              </Descriptions>
            </Card>
            {b.status === 'issued' && <OutcomesPanel b={b} onChange={update} />}
            <Card size="small" title={t('bl.field.timeline')}>
              <Timeline
                items={b.events.map((e) => ({
                  key: e.id,
                  children: `${dayjs(e.at).format('YYYY-MM-DD HH:mm')} ${e.actorName} ${t(`bl.event.${e.type}`)}${
                    e.payload?.comment ? `：${e.payload.comment}` : ''
                  }`,
                }))}
              />
            </Card>
          </Space>
        </Col>
      </Row>
      <Modal
        open={!!dialog}
        title={dialog ? t(`bl.act.${STEP_KEY[dialog]}`) : ''}
        onOk={() => dialog && run(dialog)}
        okButtonProps={{ disabled: dialog === 'return' && !comment.trim(), 'data-testid': 'bl-step-ok' } as any}
        onCancel={() => setDialog(null)}
      >
        {dialog === 'return' ? (
          <Input.TextArea
            placeholder={t('bl.field.comment')}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            autoSize={{ minRows: 3 }}
          />
        ) : (
          <Space>
            {t('bl.field.issueDate')}
            <DatePicker
              value={issueDate}
              onChange={(d) => d && setIssueDate(d)}
              allowClear={false}
              data-testid="bl-issue-date"
            />
          </Space>
        )}
      </Modal>
    </div>
  );
}
