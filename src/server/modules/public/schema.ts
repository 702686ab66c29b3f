// Request schemas of the no-account 社情民意 endpoints: the citizen form, a tracking code, a rating, village search.
import { z } from 'zod';
import { opinionRatingSchema } from '../../../core/opinions/index.js';
import { AppError } from '../../errors.js';
import { LANGS, type Lang } from '../../i18n/messages.js';
import { translateIssue } from '../../i18n/zod-issues.js';
import { idBody, idQuery, optionalPhone, phone, text } from '../common/schemas.js';

const id = idBody;

/** Body of POST /public/opinions; `website` is the honeypot a person never sees, so it must stay empty. */
export const publicOpinionBody = z
  .object({
    title: z.string().trim().min(1).max(100),
    content: z.string().trim().min(1).max(5000),
    categoryId: id,
    /** The village; may be left out when a contact station's QR code opened the form (then the station's region). */
    regionId: id.optional(),
    name: text(50).default(''),
    phone: optionalPhone,
    email: z.union([z.literal(''), z.email().max(200)]).default(''),
    consent: z.boolean(),
    /** The member a QR poster addressed the form to (码上联系): the item is theirs too, as one they raised. */
    memberId: id.optional(),
    /** The contact station (联络站) whose QR code opened the form: its members become originators of the item. */
    stationId: id.optional(),
    /** The citizen agrees that the office's answer may be shown publicly, without name, phone or address. */
    publishConsent: z.boolean().default(false),
    /** Send the tracking link by SMS (to a mobile phone) and/or e-mail, whichever contact was given. */
    sendLink: z.boolean().default(false),
    /** The language the citizen's SMS and e-mails are written in; the form's (Accept-Language) when not given. */
    lang: z.enum(LANGS).optional(),
    website: z.string().max(500).default(''),
    /** 我也反映这个问题: the ref of an open item shown by /public/opinions/similar-open; the new item joins it. */
    followRef: z.string().trim().max(200).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.regionId === undefined && b.stationId === undefined)
      ctx.addIssue({ code: 'custom', path: ['regionId'], message: 'region_required' });
  });
/** A validated citizen submission. */
export type PublicOpinionInput = z.infer<typeof publicOpinionBody>;

/** Path of the tracking endpoints; the code is normalised (case, spaces, dashes) before lookup. */
export const trackingParam = z.object({ trackingCode: z.string().max(40) });

/** Body of POST /public/opinions/:code/rating; the comment rule (required when unsatisfied) lives in core. */
export const publicRatingBody = z.object({
  rating: opinionRatingSchema,
  comment: z.string().max(1000).default(''),
});

/** Query of GET /public/villages. */
export const villageQuery = z.object({ q: z.string().trim().max(30).default('') });

const CODE = /^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{10}$/;

/** The canonical form of a typed code, or null when it cannot be one (answered as 404 like an unknown code). */
export function normalizeCode(raw: string): string | null {
  const code = raw.replace(/[\s-]/g, '').toUpperCase();
  return CODE.test(code) ? code : null;
}

/** Most files a citizen may attach to one submission. */
export const MAX_PUBLIC_FILES = 3;

/** The text fields of a multipart form as the JSON body would carry them (ids as numbers, the consent box as boolean). */
export function formFields(f: Record<string, string>): Record<string, unknown> {
  const num = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : v);
  return {
    ...f,
    categoryId: num(f.categoryId),
    regionId: num(f.regionId),
    memberId: num(f.memberId),
    stationId: num(f.stationId),
    consent: ['true', '1', 'on'].includes(f.consent ?? ''),
    publishConsent: ['true', '1', 'on'].includes(f.publishConsent ?? ''),
    sendLink: ['true', '1', 'on'].includes(f.sendLink ?? ''),
  };
}

/** Validates a body outside the route schema (multipart forms), with the same 400 and field messages. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown, lang: Lang): z.infer<T> {
  const r = schema.safeParse(body ?? {});
  if (r.success) return r.data;
  const details = r.error.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: translateIssue(i as any, lang),
  }));
  throw new AppError('validation_failed', {}, details);
}

/** Path of a public reply attachment. */
export const publicAttachmentParam = z.object({
  trackingCode: z.string().max(40),
  attachmentId: idQuery,
});

/** Body of POST /public/lookup/code: the phone the citizen gave on their forms. */
export const lookupCodeBody = z.object({ phone });

/** Body of POST /public/lookup/verify: the phone and the 6-digit code it received. */
export const lookupVerifyBody = z.object({
  phone,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});
