// Where an assessment rule's evidence comes from: the codes the rule table stores and the labels it prints.
import type { CodeList } from '../code-lists';

// Evidence sources of a rule line; `manual` lines (and the manual part of mixed ones) are entered by staff.
export const ASSESSMENT_SOURCES = [
  { code: 'activities', label: '联系活动（全部）' },
  { code: 'village_visits', label: '进村走访' },
  { code: 'research', label: '调研视察' },
  { code: 'opinions_submitted', label: '提交社情民意' },
  { code: 'adopted_county', label: '社情民意被县政协采用' },
  { code: 'adopted_city', label: '社情民意被市政协采用' },
  { code: 'adopted_province', label: '社情民意被省政协采用' },
  { code: 'adopted_national', label: '社情民意被全国政协采用' },
  { code: 'instructions', label: '获领导批示' },
  { code: 'reception_days', label: '委员接待日' },
  { code: 'proposals_filed', label: '提交提案' },
  { code: 'proposals_accepted', label: '提案立案' },
  { code: 'meetings', label: '出席会议（手工录入）' },
  { code: 'training', label: '学习培训' },
  { code: 'experience_reports', label: '经验交流' },
  { code: 'pairing', label: '结对帮扶' },
  { code: 'absences', label: '无故缺席（扣分）' },
  { code: 'manual', label: '其他（手工录入）' },
] as const satisfies CodeList;

// A stored source code.
export type AssessmentSource = (typeof ASSESSMENT_SOURCES)[number]['code'];

// Source codes alone, for zod enums.
export const SOURCE_CODES = ASSESSMENT_SOURCES.map((s) => s.code) as [AssessmentSource, ...AssessmentSource[]];

// Sources whose units staff may enter by hand (with evidence text); the rest come from the records only.
export const MANUAL_SOURCES: ReadonlySet<AssessmentSource> = new Set(['meetings', 'training', 'absences', 'manual']);

// Sources computed from the records (every one except the purely manual ones).
export const AUTOMATIC_SOURCES: readonly AssessmentSource[] = SOURCE_CODES.filter(
  (s) => s !== 'meetings' && s !== 'absences' && s !== 'manual',
);

// The Chinese label of a source code (the code itself when unknown).
export function sourceLabel(code: string): string {
  return ASSESSMENT_SOURCES.find((s) => s.code === code)?.label ?? code;
}
