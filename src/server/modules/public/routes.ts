// /api/v1/public: the citizen's side of 社情民意 without an account, rate-limited per client address.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Tx } from '../../db/client.js';
import { AppError, fieldError } from '../../errors.js';
import { discardStored, sendStored, storeWith } from '../common/uploads.js';
import { readMultipart } from '../opinions/attachments.js';
import { followedOf, followInto, followTarget } from '../opinions/door-follow.js';
import { createPublicOpinion, findByKey, publicIdempotencyKey } from './intake.js';
import { CODE_TTL_MS, issueLookupCode, verifyLookupCode } from './lookup.js';
import { publicCategories, publicVillages } from './lookups.js';
import { countHit, PRUNE_CHANCE, pruneHits, publicGate, publicLimitsFromEnv } from './rate-limit.js';
import { rateByCode } from './rating.js';
import {
  formFields,
  lookupCodeBody,
  lookupVerifyBody,
  MAX_PUBLIC_FILES,
  type PublicOpinionInput,
  parseBody,
  publicAttachmentParam,
  publicOpinionBody,
  publicRatingBody,
  trackingParam,
  villageQuery,
} from './schema.js';
import { submitCitizenForm } from './submit.js';
import { findPublicAttachment, loadPublicView } from './view.js';

const MINUTE = 60_000;
/** Code requests: per address 10 per 10 minutes; per phone 3 per 10 minutes and 10 a day. */
const LOOKUP_CODE_PER_ADDRESS = [{ max: 10, windowMs: 10 * MINUTE }];
const LOOKUP_CODE_PER_PHONE = [
  { max: 3, windowMs: 10 * MINUTE },
  { max: 10, windowMs: 24 * 60 * MINUTE },
];
/** Code checks: per address 20 per 10 minutes; per phone 20 per 10 minutes (each code also dies after 5 wrong tries). */
const LOOKUP_VERIFY_PER_ADDRESS = [{ max: 20, windowMs: 10 * MINUTE }];
const LOOKUP_VERIFY_PER_PHONE = [{ max: 20, windowMs: 10 * MINUTE }];

/** Public endpoints; their per-address counters live in the database, shared by every server process. */
export const publicRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const limits = publicLimitsFromEnv();
  const submits = publicGate(app, 'public_submit', limits.submit);
  const lookups = publicGate(app, 'public_lookup', limits.lookup);
  const config = { public: true };
  const tags = ['public'];
  // The tracking link's origin: PUBLIC_ORIGIN when the operator set it, else the origin this request came to.
  const origin = (req: FastifyRequest) => app.deps.config.publicOrigin ?? `${req.protocol}://${req.host}`;
  const linkOf = (req: FastifyRequest, input: PublicOpinionInput) =>
    input.sendLink ? { origin: origin(req), lang: req.lang ?? 'zh' } : null;

  // JSON, or multipart/form-data with the same fields plus up to MAX_PUBLIC_FILES files: every file streams into the
  // store as it arrives (type from its bytes, size limit), and the item and its files are recorded together or not at
  // all: a refused form removes the files again. A repeat with the same Idempotency-Key (and form) answers 200 with the
  // first tracking code and keeps no file of the repeat.
  r.post(
    '/public/opinions',
    { config, schema: { tags, consumes: ['application/json', 'multipart/form-data'] } },
    async (req, reply) => {
      const lang = req.lang ?? 'zh';
      if (!req.isMultipart()) return submitJson(req, reply);
      await submits(req, reply);
      const { body, uploads } = req.isMultipart()
        ? await readMultipart(req, app.deps.files, MAX_PUBLIC_FILES).then(({ fields, uploads }) => ({
            body: formFields(fields),
            uploads,
          }))
        : { body: req.body, uploads: [] };
      const out = await storeWith(app.deps.files, uploads, async (files) => {
        const parsed = parseBody(publicOpinionBody, body, lang);
        const input = { ...parsed, lang: parsed.lang ?? lang };
        // A filled honeypot is a bot: refuse without saying why, and write nothing.
        if (input.website !== '') throw new AppError('validation_failed');
        const target = input.followRef ? await followTarget(db(), input.followRef, app.deps.now()) : null;
        const key = publicIdempotencyKey(req.headers['idempotency-key'], input);
        const done = await findByKey(db(), key);
        const out = done
          ? { created: false, trackingCode: done.trackingCode }
          : await createPublicOpinion(db(), input, {
              now: app.deps.now(),
              ip: req.ip,
              files,
              idempotencyKey: key,
              link: linkOf(req, input),
              alsoWithin: followThen(req, target),
            });
        // A repeat (found first, or a concurrent one that won the race): the files just stored belong to nothing.
        if (!out.created) await discardStored(app.deps.files, files);
        return { ...out, followed: target === null ? undefined : await followedOf(db(), out.trackingCode) };
      });
      return reply.status(out.created ? 201 : 200).send({ trackingCode: out.trackingCode, followed: out.followed });
    },
  );
  // Following an open item (我也反映这个问题): the merge runs in the new item's transaction; an item closed meanwhile
  // leaves the new one a normal submission (the answer's `followed: false` says so).
  const followThen = (req: FastifyRequest, target: number | null) =>
    target === null
      ? undefined
      : async (tx: Tx, item: { id: number }) => {
          await followInto(tx, item.id, target, { now: app.deps.now(), lang: req.lang ?? 'zh', ip: req.ip });
        };
  // The JSON form in one statement with its rate-limit hit. A form refused before the write (invalid, honeypot, no
  // consent) still counts its hit first, so the answers and their order are the gate's: 429, then 400.
  async function submitJson(req: FastifyRequest, reply: FastifyReply) {
    let input: PublicOpinionInput;
    let target: number | null;
    try {
      input = parseBody(publicOpinionBody, req.body, req.lang ?? 'zh');
      input.lang ??= req.lang ?? 'zh';
      // A filled honeypot is a bot: refuse without saying why, and write nothing.
      if (input.website !== '') throw new AppError('validation_failed');
      if (input.consent !== true) throw fieldError('consent', 'consent_required');
      target = input.followRef ? await followTarget(db(), input.followRef, app.deps.now()) : null;
    } catch (e) {
      await submits(req, reply);
      throw e;
    }
    const key = publicIdempotencyKey(req.headers['idempotency-key'], input);
    // A follow needs a transaction of its own (the one-statement fast path cannot merge).
    if (target !== null) {
      await submits(req, reply);
      const out = await createPublicOpinion(db(), input, {
        now: app.deps.now(),
        ip: req.ip,
        idempotencyKey: key,
        link: linkOf(req, input),
        alsoWithin: followThen(req, target),
      });
      const followed = await followedOf(db(), out.trackingCode);
      return reply.status(out.created ? 201 : 200).send({ trackingCode: out.trackingCode, followed });
    }
    const out = await submitCitizenForm(db(), input, {
      now: app.deps.now(),
      ip: req.ip,
      idempotencyKey: key,
      hit: submits.parts(req),
      link: linkOf(req, input),
    });
    if ('wait' in out) return submits.settle(req, reply, out.wait);
    await submits.settle(req, reply, 0);
    return reply.status(out.created ? 201 : 200).send({ trackingCode: out.trackingCode });
  }
  r.get(
    '/public/opinions/:trackingCode/attachments/:attachmentId',
    { config, schema: { tags, params: publicAttachmentParam } },
    async (req, reply) => {
      await lookups(req, reply);
      const row = await findPublicAttachment(db(), req.params.trackingCode, req.params.attachmentId);
      return sendStored(reply, app.deps.files, row);
    },
  );
  r.get('/public/opinions/:trackingCode', { config, schema: { tags, params: trackingParam } }, async (req, reply) => {
    await lookups(req, reply);
    return loadPublicView(db(), req.params.trackingCode);
  });
  r.post(
    '/public/opinions/:trackingCode/rating',
    { config, schema: { tags, params: trackingParam, body: publicRatingBody } },
    async (req, reply) => {
      await lookups(req, reply);
      await rateByCode(db(), req.params.trackingCode, req.body, {
        now: app.deps.now(),
        lang: req.lang ?? 'zh',
        ip: req.ip,
      });
      return loadPublicView(db(), req.params.trackingCode);
    },
  );

  // 我的社情民意: a one-time SMS code, then the items raised with that phone. Limited per address and per phone.
  const codeRequests = publicGate(app, 'public_lookup_code', LOOKUP_CODE_PER_ADDRESS);
  const codeChecks = publicGate(app, 'public_lookup_verify', LOOKUP_VERIFY_PER_ADDRESS);
  const perPhone = async (reply: FastifyReply, name: string, limits: typeof LOOKUP_CODE_PER_PHONE, phone: string) => {
    const now = app.deps.now();
    const wait = await countHit(db(), now, name, limits, `phone:${phone}`);
    // Now and then, ended per-phone counters are dropped (as the address gates do for theirs).
    if (Math.random() < PRUNE_CHANCE) await pruneHits(db(), now, name, limits).catch(() => undefined);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      throw new AppError('rate_limited', {}, { retryAfterSeconds: wait });
    }
  };
  r.post('/public/lookup/code', { config, schema: { tags, body: lookupCodeBody } }, async (req, reply) => {
    await codeRequests(req, reply);
    await perPhone(reply, 'public_lookup_phone', LOOKUP_CODE_PER_PHONE, req.body.phone);
    await issueLookupCode(db(), req.body.phone, { now: app.deps.now(), lang: req.lang ?? 'zh', ip: req.ip });
    // The same answer whether or not the phone has items.
    return reply.status(202).send({ sent: true, expiresInSeconds: CODE_TTL_MS / 1000 });
  });
  r.post('/public/lookup/verify', { config, schema: { tags, body: lookupVerifyBody } }, async (req, reply) => {
    await codeChecks(req, reply);
    await perPhone(reply, 'public_lookup_phone_verify', LOOKUP_VERIFY_PER_PHONE, req.body.phone);
    const items = await verifyLookupCode(db(), req.body.phone, req.body.code, {
      now: app.deps.now(),
      lang: req.lang ?? 'zh',
      ip: req.ip,
    });
    return { items };
  });
  r.get('/public/categories', { config, schema: { tags } }, async () => publicCategories(db()));
  r.get('/public/villages', { config, schema: { tags, querystring: villageQuery } }, async (req) =>
    publicVillages(db(), req.query.q),
  );
};
