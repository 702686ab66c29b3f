// The timeline of a consultation or one of its outcomes: translated event types and readable payloads, never raw codes.
import { Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartmentOptions } from '../../components/department-select';

/** One record_events row as the API sends it. */
export interface ConsultationEventRow {
  id: number;
  type: string;
  payload: Record<string, any> | null;
  actorName: string | null;
  at: string;
}

/** Field names of an edit, as their form labels. */
const FIELD_LABEL: Record<string, string> = { departmentId: 'department' };

/** The events oldest first; `testid` tells a consultation's from an outcome's. */
export function ConsultationTimeline({ events, testid }: { events: ConsultationEventRow[]; testid?: string }) {
  const { t } = useTranslation();
  const depts = useDepartmentOptions();
  const dept = (id: unknown) =>
    id ? (depts.data?.find((d) => d.value === id)?.label ?? t('cst.ev.unknownDept')) : t('cst.ev.noDept');
  const details = (e: ConsultationEventRow): ReactNode[] => {
    const p = e.payload ?? {};
    const out: ReactNode[] = [];
    if (e.type === 'status' && p.to) out.push(`${t(`cst.status.${p.from}`)} → ${t(`cst.status.${p.to}`)}`);
    if (e.type === 'progress' && typeof p.progress === 'number') out.push(`${p.from ?? 0}% → ${p.progress}%`);
    if (e.type === 'graded' && p.grade) out.push(`${t('cst.f.grade')}：${p.grade}`);
    if ((e.type === 'created' || e.type === 'assigned') && 'departmentId' in p)
      out.push(`${t('cst.f.department')}：${dept(p.departmentId)}`);
    if (e.type === 'created' && p.deadline) out.push(`${t('cst.f.deadline')}：${p.deadline}`);
    if (e.type === 'updated' && Array.isArray(p.fields) && p.fields.length)
      out.push(
        `${t('cst.ev.changed')}：${p.fields
          .map((f: string) => t(`cst.f.${FIELD_LABEL[f] ?? f}`, { defaultValue: '' }))
          .filter(Boolean)
          .join('、')}`,
      );
    if (typeof p.note === 'string' && p.note) out.push(p.note);
    return out;
  };
  return (
    <Timeline
      data-testid={testid}
      items={events.map((e) => ({
        key: e.id,
        content: (
          <div data-testid="cst-event" data-type={e.type}>
            <Typography.Text strong>{t(`cst.ev.${e.type}`, { defaultValue: t('cst.ev.other') })}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {[e.actorName, dayjs(e.at).format('YYYY-MM-DD HH:mm')].filter(Boolean).join(' · ')}
            </Typography.Text>
            {details(e).map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed lines of one event, never reordered
              <div key={i} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {line}
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}
