// /api/v1/consultations, /api/v1/consultation-outcomes and the public progress list /api/v1/public/consultations.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/plugin.js';
import { idParam } from '../common/schemas.js';
import {
  addOutcome,
  editOutcome,
  gradeOutcome,
  listOutcomes,
  publicConsultations,
  recordProgress,
} from './outcomes.js';
import {
  consultationBody,
  consultationListQuery,
  consultationPatch,
  gradeBody,
  outcomeBody,
  outcomeListQuery,
  outcomeParams,
  outcomePatch,
  progressBody,
  statusBody,
} from './schema.js';
import {
  advanceConsultation,
  createConsultation,
  listConsultations,
  loadConsultation,
  updateConsultation,
} from './service.js';

/** Consultation endpoints. */
export const consultationRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const now = () => app.deps.now();
  const tags = ['consultations'];
  r.get('/consultations', { schema: { tags, querystring: consultationListQuery } }, async (req) =>
    listConsultations(db(), actorOf(req), req.query, now()),
  );
  r.get('/consultations/:id', { schema: { tags, params: idParam } }, async (req) =>
    loadConsultation(db(), actorOf(req), req.params.id, now()),
  );
  r.post('/consultations', { schema: { tags, body: consultationBody } }, async (req, reply) => {
    const a = actorOf(req);
    const out = await db().transaction(async (tx) =>
      loadConsultation(tx, a, await createConsultation(tx, a, req.body, now(), req.ip), now()),
    );
    return reply.status(201).send(out);
  });
  r.patch('/consultations/:id', { schema: { tags, params: idParam, body: consultationPatch } }, async (req) =>
    db().transaction((tx) => updateConsultation(tx, actorOf(req), req.params.id, req.body, now(), req.ip)),
  );
  r.post('/consultations/:id/status', { schema: { tags, params: idParam, body: statusBody } }, async (req) =>
    db().transaction((tx) => advanceConsultation(tx, actorOf(req), req.params.id, req.body.status, now(), req.ip)),
  );
  r.post(
    '/consultations/:id/outcomes',
    { schema: { tags, params: idParam, body: outcomeBody } },
    async (req, reply) => {
      const a = actorOf(req);
      const out = await db().transaction(async (tx) => {
        await addOutcome(tx, a, req.params.id, req.body, now(), req.ip);
        return loadConsultation(tx, a, req.params.id, now());
      });
      return reply.status(201).send(out);
    },
  );
  r.patch(
    '/consultations/:id/outcomes/:outcomeId',
    { schema: { tags, params: outcomeParams, body: outcomePatch } },
    async (req) =>
      db().transaction((tx) =>
        editOutcome(tx, actorOf(req), req.params.id, req.params.outcomeId, req.body, now(), req.ip),
      ),
  );
  r.post(
    '/consultations/:id/outcomes/:outcomeId/progress',
    { schema: { tags, params: outcomeParams, body: progressBody } },
    async (req) =>
      db().transaction((tx) =>
        recordProgress(tx, actorOf(req), req.params.id, req.params.outcomeId, req.body, now(), req.ip),
      ),
  );
  r.post(
    '/consultations/:id/outcomes/:outcomeId/grade',
    { schema: { tags, params: outcomeParams, body: gradeBody } },
    async (req) =>
      db().transaction((tx) =>
        gradeOutcome(tx, actorOf(req), req.params.id, req.params.outcomeId, req.body, now(), req.ip),
      ),
  );
  r.get('/consultation-outcomes', { schema: { tags, querystring: outcomeListQuery } }, async (req) =>
    listOutcomes(db(), actorOf(req), req.query, now()),
  );
  r.get('/public/consultations', { config: { public: true }, schema: { tags: ['public'] } }, async () =>
    publicConsultations(db(), now()),
  );
};
