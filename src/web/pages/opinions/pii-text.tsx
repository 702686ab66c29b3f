// An item's own text with its personal data marked for the staff who read the original (phones, ID numbers, plates,
// addresses, names…: the spans core/text/pii.ts finds, sent by GET /opinions/:id). Public copies hide the same spans.
import { Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PiiSpan } from '../../../core/text/pii';

const MARK_STYLE = {
  background: '#fff1b8',
  borderBlockEnd: '1px dashed #d48806',
  paddingInline: 1,
  borderRadius: 2,
} as const;

/** The text with each span wrapped in a mark whose tooltip names the kind; plain text when there are none. */
export function PiiText({ text, spans }: { text: string; spans?: readonly PiiSpan[] | null }) {
  const { t } = useTranslation();
  if (!spans?.length) return <>{text}</>;
  const out: ReactNode[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at || s.end > text.length) continue; // stale spans (text changed since): skip rather than misplace
    if (s.start > at) out.push(text.slice(at, s.start));
    out.push(
      <Tooltip key={s.start} title={`${t(`pii.kind.${s.kind}`)} · ${t('pii.legend')}`}>
        <mark style={MARK_STYLE} data-testid="pii-mark" data-kind={s.kind}>
          {text.slice(s.start, s.end)}
        </mark>
      </Tooltip>,
    );
    at = s.end;
  }
  out.push(text.slice(at));
  return <>{out}</>;
}

/** The small legend under a text that has marks: what the marks mean. */
export function PiiLegend({ show }: { show: boolean }) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="pii-legend">
      <mark style={{ ...MARK_STYLE, display: 'inline-block', inlineSize: '1.5em' }}>&nbsp;</mark> {t('pii.legend')}
    </Typography.Text>
  );
}
