// The subscription mails in the subscriber's language (Chinese when a text has no translation).
import { type Lang, type Texts, textIn } from '../../i18n/messages.js';

const fill = (s: string, p: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k) => String(p[k] ?? ''));

const TEXTS = {
  confirmSubject: {
    zh: '请确认订阅：{target}',
    en: 'Please confirm your subscription: {target}',
    ug: 'مۇشتەرىلىكنى جەزملەڭ: {target}',
  },
  confirmBody: {
    zh: '您好！\n\n有人用这个邮箱订阅了「{target}」的进展。如果是您本人，请在 7 天内打开下面的链接确认：\n{confirm}\n\n如果不是您，请忽略本邮件，您不会再收到任何消息。随时可以退订：\n{unsubscribe}\n\n{issuer}',
    en: 'Hello,\n\nSomeone subscribed this address to the progress of "{target}". If it was you, open this link within 7 days to confirm:\n{confirm}\n\nIf it was not you, ignore this mail and nothing more will be sent. You can unsubscribe at any time:\n{unsubscribe}\n\n{issuer}',
    ug: 'ياخشىمۇسىز!\n\nبىرەيلەن بۇ ئېلخەت ئادرېسى بىلەن «{target}» نىڭ ئىلگىرىلىشىگە مۇشتەرى بولدى. ئەگەر ئۆزىڭىز بولسىڭىز، 7 كۈن ئىچىدە تۆۋەندىكى ئۇلانمىنى ئېچىپ جەزملەڭ:\n{confirm}\n\nئەگەر ئۆزىڭىز بولمىسىڭىز، بۇ ئېلخەتنى نەزەردىن ساقىت قىلىڭ. خالىغان ۋاقىتتا مۇشتەرىلىكتىن چېكىنەلەيسىز:\n{unsubscribe}\n\n{issuer}',
  },
  moveSubject: {
    zh: '民生问题进展：{title}',
    en: 'Progress of a livelihood problem: {title}',
    ug: 'خەلق تۇرمۇش مەسىلىسىنىڭ ئىلگىرىلىشى: {title}',
  },
  moveBody: {
    zh: '您关注的民生问题「{title}」（{region}）有了新进展：\n\n{event}\n当前状态：{status}，进度 {progress}%。\n{outcome}\n查看详情：\n{link}\n\n不想再收到此类邮件？一键退订：\n{unsubscribe}\n\n{issuer}',
    en: 'The livelihood problem "{title}" ({region}) that you follow has moved:\n\n{event}\nStatus now: {status}, progress {progress}%.\n{outcome}\nDetails:\n{link}\n\nNo more mails like this? Unsubscribe with one click:\n{unsubscribe}\n\n{issuer}',
    ug: 'سىز كۆڭۈل بۆلگەن «{title}» ({region}) خەلق تۇرمۇش مەسىلىسىدە يېڭى ئىلگىرىلەش بار:\n\n{event}\nھازىرقى ھالىتى: {status}، ئىلگىرىلەش {progress}%.\n{outcome}\nتەپسىلاتى:\n{link}\n\nبۇنداق ئېلخەتنى تاپشۇرۇۋالماقچى ئەمەسمۇ؟ بىر چېكىپ چېكىنىڭ:\n{unsubscribe}\n\n{issuer}',
  },
  outcome: {
    zh: '办理结果：{outcome}\n',
    en: 'What was done: {outcome}\n',
    ug: 'بىر تەرەپ قىلىش نەتىجىسى: {outcome}\n',
  },
  eventStatus: {
    zh: '状态变为「{status}」。',
    en: 'The status changed to "{status}".',
    ug: 'ھالىتى «{status}» غا ئۆزگەردى.',
  },
  eventMilestone: {
    zh: '工作节点「{milestone}」已完成，进度达到 {progress}%。',
    en: 'Milestone "{milestone}" was reached: {progress}%.',
    ug: '«{milestone}» باسقۇچى تاماملاندى: {progress}%.',
  },
  eventMilestonePlanned: {
    zh: '新增工作节点「{milestone}」，完成后进度将达到 {progress}%。',
    en: 'New milestone "{milestone}": {progress}% once reached.',
    ug: 'يېڭى باسقۇچ «{milestone}»: تاماملانغاندا {progress}%.',
  },
  eventOther: { zh: '问题信息已更新。', en: 'The problem was updated.', ug: 'مەسىلە ئۇچۇرى يېڭىلاندى.' },
} satisfies Record<string, Texts>;

const STATUS: Record<string, Texts> = {
  collecting: { zh: '征集中', en: 'collecting', ug: 'توپلىنىۋاتىدۇ' },
  confirmed: { zh: '已确定', en: 'confirmed', ug: 'بېكىتىلدى' },
  in_progress: { zh: '推进中', en: 'in progress', ug: 'ئىلگىرى سۈرۈلۈۋاتىدۇ' },
  solved: { zh: '已解决', en: 'solved', ug: 'ھەل قىلىندى' },
  partly_solved: { zh: '部分解决', en: 'partly solved', ug: 'قىسمەن ھەل قىلىندى' },
};

/** A mail text with its {placeholders} filled. */
export const mailText = (key: keyof typeof TEXTS, lang: Lang, p: Record<string, string | number> = {}) =>
  fill(textIn(TEXTS[key], lang), p);

/** A problem status as the subscriber reads it. */
export const statusText = (status: string, lang: Lang) => (STATUS[status] ? textIn(STATUS[status], lang) : status);

/** The mail language of a stored subscription (Chinese for anything unknown). */
export const langOf = (v: string): Lang => (v === 'en' || v === 'ug' ? v : 'zh');
