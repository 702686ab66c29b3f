// The audit log's codes in the reader's language: actions and record types from the catalogue, "prefix:step" codes
// from the lifecycle catalogues (社情民意 actions, bulletin steps, proposal actions), anything unknown made readable.
import i18n, { type TFunction } from 'i18next';

const STEP_KEYS: Record<string, string> = { transition: 'op.action', step: 'bl.event', proposal: 'prp.action' };

/** "record_matter" → "record matter": a code no catalogue knows yet still reads as words. */
export const readableCode = (code: string) => code.replace(/_/g, ' ').trim() || code;

/** The words for an action code, e.g. 新增, 社情民意办理：受理. */
export function auditActionLabel(t: TFunction, code: string): string {
  const at = code.indexOf(':');
  if (at < 0) return t(`office.audit.actions.${code}`, { defaultValue: readableCode(code) });
  const prefix = code.slice(0, at);
  const step = code.slice(at + 1);
  const head = t(`office.audit.prefixes.${prefix}`, { defaultValue: readableCode(prefix) });
  const base = STEP_KEYS[prefix];
  const tail = base ? t(`${base}.${step}`, { defaultValue: readableCode(step) }) : readableCode(step);
  return `${head}${i18n.language === 'en' ? ': ' : '：'}${tail}`;
}

/** The words for a record type, e.g. 社情民意, 联系活动. */
export const auditEntityLabel = (t: TFunction, code: string) =>
  t(`office.audit.entities.${code}`, { defaultValue: readableCode(code) });
