// /api/v1/calendar: the working-day clock for everyone signed in, overrides for admins only (403, nothing changes).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { chinaDateOf } from '../../../core/calendar/index.js';
import { AppError } from '../../errors.js';
import { actorOf } from '../auth/plugin.js';
import { canManageRegistry } from '../common/scope.js';
import { overrideBody, overrideParams, workingDaysQuery, yearQuery } from './schema.js';
import {
  deleteOverride,
  describeYear,
  explainWorkingDays,
  invalidateCalendar,
  loadCalendar,
  putOverride,
} from './service.js';

/** Calendar endpoints. */
export const calendarRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const admin = (req: FastifyRequest) => {
    const a = actorOf(req);
    if (!canManageRegistry(a)) throw new AppError('forbidden');
    return a;
  };

  r.get('/calendar/working-days', { schema: { tags: ['calendar'], querystring: workingDaysQuery } }, async (req) => {
    actorOf(req);
    return explainWorkingDays(await loadCalendar(db()), req.query.from, req.query.days, req.lang);
  });

  r.get('/calendar', { schema: { tags: ['calendar'], querystring: yearQuery } }, async (req) => {
    actorOf(req);
    const now = app.deps.now();
    const year = req.query.year ?? Number(chinaDateOf(now).slice(0, 4));
    return describeYear(await loadCalendar(db()), year, now, req.lang);
  });

  r.put(
    '/calendar/overrides/:date',
    { schema: { tags: ['calendar'], params: overrideParams, body: overrideBody } },
    async (req) => {
      const a = admin(req);
      const row = await db().transaction((tx) => putOverride(tx, a, req.params.date, req.body, req.ip));
      invalidateCalendar(db());
      return row;
    },
  );

  r.delete('/calendar/overrides/:date', { schema: { tags: ['calendar'], params: overrideParams } }, async (req) => {
    const a = admin(req);
    await db().transaction((tx) => deleteOverride(tx, a, req.params.date, req.ip));
    invalidateCalendar(db());
    return { ok: true };
  });
};
