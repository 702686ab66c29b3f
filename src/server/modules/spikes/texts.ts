// The words of a spike alert (in-app notification, e-mail): one catalogue, worded in the reader's language when listed.
import { SPIKE_RULE } from '../../../core/spikes/detect.js';
import { type Lang, type Texts, textIn } from '../../i18n/messages.js';

export const spikeTexts = {
  title: {
    zh: '突增提醒：{village}「{category}」近7天 {count} 件',
    en: 'Spike: {village} · {category}, {count} items in 7 days',
    ug: 'تۇيۇقسىز كۆپىيىش: {village} · {category}، 7 كۈندە {count} پارچە',
  },
  body: {
    zh: '{township}{village}「{category}」近7天收到 {count} 件社情民意，平时每周约 {usual} 件。',
    en: '{village} ({township}) received {count} items on {category} in the last 7 days; usually about {usual} a week.',
    ug: '{township} {village} «{category}» دا يېقىنقى 7 كۈندە {count} پارچە، ئادەتتە ھەپتىدە تەخمىنەن {usual} پارچە.',
  },
  body_low: {
    zh: '{township}{village}「{category}」近7天收到 {count} 件社情民意，平时每周不到 1 件。',
    en: '{village} ({township}) received {count} items on {category} in the last 7 days; usually under one a week.',
    ug: '{township} {village} «{category}» دا يېقىنقى 7 كۈندە {count} پارچە، ئادەتتە ھەپتىدە 1 پارچىغا يەتمەيدۇ.',
  },
  email_subject: { zh: '【界联】社情民意突增：{village}「{category}」', en: '[Jielian] Spike: {village} · {category}' },
  email_items: { zh: '相关事项：', en: 'The items behind it:' },
  email_hidden: { zh: '#{id}（保密事项，标题不在邮件中显示）', en: '#{id} (confidential: title not sent by e-mail)' },
  email_footer: {
    zh: '请登录界联，在“突增提醒”页面查看。',
    en: 'Sign in to Jielian and open the Spikes page to see them.',
  },
} as const satisfies Record<string, Texts>;

/** What a spike notification stores in notifications.data. */
export interface SpikeData {
  spikeId: number;
  village: string;
  township: string;
  category: string;
  count: number;
  /** The usual weekly count (baseline mean, floored). */
  baseline: number;
}

/** Fills a catalogue text's {placeholders}. */
export function spikeText(key: keyof typeof spikeTexts, params: Record<string, unknown>, lang: Lang = 'zh'): string {
  const template: string = textIn(spikeTexts[key], lang);
  return template.replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? ''));
}

/** A spike notification's title and body in a language. */
export function renderSpike(d: SpikeData, lang: Lang): { title: string; body: string } {
  const params = { ...d, usual: formatUsual(d.baseline) };
  // At the floor the true mean is lower still (maybe 0): "under one a week" rather than a made-up 0.5.
  const body = spikeText(d.baseline <= SPIKE_RULE.minBaseline ? 'body_low' : 'body', params, lang);
  return { title: spikeText('title', params, lang).slice(0, 300), body };
}

/** The usual weekly count as people say it: one decimal, "0.5", "10". */
export function formatUsual(baseline: number): string {
  return String(Math.round(baseline * 10) / 10);
}
