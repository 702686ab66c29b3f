// The citizen's own messages of the public module (tracking link, lookup code, lookup errors) in zh, en and ug.
import { type Lang, type Texts, textIn } from '../../i18n/messages.js';

const TEXTS = {
  linkSms: {
    zh: '【政协社情民意】您反映的“{title}”已收到，查询码 {code}。查看办理进度：{link}',
    en: 'CPPCC: we received "{title}". Tracking code {code}. Follow it here: {link}',
    ug: 'سىياسىي كېڭەش: «{title}» تاپشۇرۇۋېلىندى. ئىز قوغلاش نومۇرى {code}. بۇ يەردىن كۆرۈڭ: {link}',
  },
  linkMailSubject: {
    zh: '已收到您的社情民意（查询码 {code}）',
    en: 'We received your submission (tracking code {code})',
    ug: 'ئىنكاسىڭىز تاپشۇرۇۋېلىندى (ئىز قوغلاش نومۇرى {code})',
  },
  linkMailBody: {
    zh: '您好：\n\n您反映的“{title}”已收到，查询码为 {code}。\n打开下面的链接可随时查看办理进度和答复：\n{link}\n\n（本邮件由系统自动发送，请勿直接回复。）',
    en: 'Hello,\n\nWe received "{title}". Your tracking code is {code}.\nOpen this link at any time to follow its handling and read the answer:\n{link}\n\n(This mail was sent automatically; please do not reply.)',
    ug: 'ياخشىمۇسىز:\n\n«{title}» تاپشۇرۇۋېلىندى، ئىز قوغلاش نومۇرى {code}.\nتۆۋەندىكى ئۇلانمىنى ئېچىپ بىر تەرەپ قىلىنىش ئەھۋالى ۋە جاۋابنى خالىغان ۋاقىتتا كۆرەلەيسىز:\n{link}\n\n(بۇ ئېلخەت ئاپتوماتىك ئەۋەتىلدى، جاۋاب قايتۇرماڭ.)',
  },
  lookupSms: {
    zh: '【政协社情民意】您的查询验证码是 {code}，10 分钟内有效。如非本人操作，请忽略。',
    en: 'CPPCC: your code to see your submissions is {code}. It is valid for 10 minutes. Not you? Ignore this message.',
    ug: 'سىياسىي كېڭەش: ئىنكاسلىرىڭىزنى كۆرۈش دەلىللەش نومۇرى {code}، 10 مىنۇت ئىچىدە ئىناۋەتلىك. ئۆزىڭىز بولمىسىڭىز، نەزەردىن ساقىت قىلىڭ.',
  },
  codeWrong: {
    zh: '验证码不正确或已失效，请重新获取',
    en: 'The code is wrong or no longer valid; ask for a new one',
    ug: 'دەلىللەش نومۇرى خاتا ياكى ئىناۋەتسىز، يېڭىسىنى ئېلىڭ',
  },
} satisfies Record<string, Texts>;

/** A text of this module in `lang` with its {placeholders} filled. */
export function publicText(key: keyof typeof TEXTS, lang: Lang, p: Record<string, string | number> = {}): string {
  return textIn(TEXTS[key], lang).replace(/\{(\w+)\}/g, (_, k) => String(p[k] ?? ''));
}
