// /api/v1/reception-days (staff and members) and /api/v1/public/reception-* (citizens, rate-limited like the public form).
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../errors.js';
import { actorOf } from '../auth/plugin.js';
import { idParam } from '../common/schemas.js';
import { publicGate, publicLimitsFromEnv } from '../public/rate-limit.js';
import { checkIn, holdDay, recordMatter } from './on-the-day.js';
import { bookSlot, cancelBooking, publicDay, publicDays, viewBooking } from './public.js';
import {
  bookingCodeParam,
  bookingParams,
  holdBody,
  publicBookingBody,
  receptionDayBody,
  receptionDayPatch,
  receptionListQuery,
  recordMatterBody,
} from './schema.js';
import { cancelDay, createDay, listDays, loadDay, updateDay } from './service.js';

/** Reception-day endpoints. */
export const receptionDayRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const now = () => app.deps.now();
  const tags = ['reception-days'];
  r.get('/reception-days', { schema: { tags, querystring: receptionListQuery } }, async (req) =>
    listDays(db(), actorOf(req), req.query),
  );
  r.get('/reception-days/:id', { schema: { tags, params: idParam } }, async (req) =>
    loadDay(db(), actorOf(req), req.params.id),
  );
  r.post('/reception-days', { schema: { tags, body: receptionDayBody } }, async (req, reply) => {
    const a = actorOf(req);
    const out = await db().transaction(async (tx) => loadDay(tx, a, await createDay(tx, a, req.body, now(), req.ip)));
    return reply.status(201).send(out);
  });
  r.patch('/reception-days/:id', { schema: { tags, params: idParam, body: receptionDayPatch } }, async (req) =>
    db().transaction((tx) => updateDay(tx, actorOf(req), req.params.id, req.body, now(), req.ip)),
  );
  r.post('/reception-days/:id/cancel', { schema: { tags, params: idParam } }, async (req) =>
    db().transaction((tx) => cancelDay(tx, actorOf(req), req.params.id, now(), req.ip)),
  );
  r.post('/reception-days/:id/bookings/:bookingId/check-in', { schema: { tags, params: bookingParams } }, async (req) =>
    db().transaction((tx) => checkIn(tx, actorOf(req), req.params.id, req.params.bookingId, now(), req.ip)),
  );
  r.post(
    '/reception-days/:id/bookings/:bookingId/opinion',
    { schema: { tags, params: bookingParams, body: recordMatterBody } },
    async (req, reply) => {
      const out = await recordMatter(db(), actorOf(req), req.params.id, req.params.bookingId, req.body, {
        now: now(),
        ip: req.ip,
      });
      return reply.status(201).send(out);
    },
  );
  r.post('/reception-days/:id/hold', { schema: { tags, params: idParam, body: holdBody } }, async (req) =>
    db().transaction((tx) => holdDay(tx, actorOf(req), req.params.id, req.body.summary, now(), req.ip)),
  );

  // ——— public, no account ———
  const limits = publicLimitsFromEnv();
  const submits = publicGate(app, 'reception_submit', limits.submit);
  const lookups = publicGate(app, 'reception_lookup', limits.lookup);
  const config = { public: true };
  const ptags = ['public'];
  r.get('/public/reception-days', { config, schema: { tags: ptags } }, async (req, reply) => {
    await lookups(req, reply);
    return publicDays(db(), now());
  });
  r.get('/public/reception-days/:id', { config, schema: { tags: ptags, params: idParam } }, async (req, reply) => {
    await lookups(req, reply);
    return publicDay(db(), req.params.id, now());
  });
  r.post(
    '/public/reception-days/:id/bookings',
    { config, schema: { tags: ptags, params: idParam, body: publicBookingBody } },
    async (req, reply) => {
      await submits(req, reply);
      // A filled honeypot is a bot: refuse without saying why, and write nothing.
      if (req.body.website !== '') throw new AppError('validation_failed');
      return reply.status(201).send(await bookSlot(db(), req.params.id, req.body, { now: now(), ip: req.ip }));
    },
  );
  r.get(
    '/public/reception-bookings/:code',
    { config, schema: { tags: ptags, params: bookingCodeParam } },
    async (req, reply) => {
      await lookups(req, reply);
      return viewBooking(db(), req.params.code, now());
    },
  );
  r.delete(
    '/public/reception-bookings/:code',
    { config, schema: { tags: ptags, params: bookingCodeParam } },
    async (req, reply) => {
      await submits(req, reply);
      return cancelBooking(db(), req.params.code, { now: now(), ip: req.ip });
    },
  );
};
