// /api/v1/bulletins: the 《社情民意》 archive, drafting and workflow, outcomes, credits, documents; /settings/bulletins.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Lang } from '../../i18n/messages.js';
import { actorOf } from '../auth/plugin.js';
import { sendDownload } from '../common/download.js';
import { idParam } from '../common/schemas.js';
import { BULLETIN_CONTENT_TYPES, bulletinDocument } from './document.js';
import { addOutcome, deleteOutcome, editOutcome } from './outcomes.js';
import { listBulletins, loadBulletin, memberCredits } from './read.js';
import {
  bulletinBody,
  bulletinListQuery,
  bulletinPatch,
  bulletinSettingsBody,
  creditsQuery,
  documentQuery,
  outcomeBody,
  outcomeParams,
  stepBody,
} from './schema.js';
import { createBulletin, patchBulletin, stepBulletin } from './service.js';
import { presentBulletinSettings, saveBulletinSettings } from './settings.js';

/** Bulletin endpoints. */
export const bulletinRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const tags = ['bulletins'];
  const opts = (req: { lang?: Lang; ip: string }) => ({
    now: app.deps.now(),
    lang: req.lang ?? 'zh',
    ip: req.ip,
  });

  r.get('/bulletins', { schema: { tags, querystring: bulletinListQuery } }, async (req) =>
    listBulletins(db(), actorOf(req), req.query),
  );
  r.get('/bulletins/credits', { schema: { tags, querystring: creditsQuery } }, async (req) =>
    memberCredits(db(), actorOf(req), req.query.memberId),
  );
  r.get('/bulletins/:id', { schema: { tags, params: idParam } }, async (req) =>
    loadBulletin(db(), actorOf(req), req.params.id),
  );
  r.post('/bulletins', { schema: { tags, body: bulletinBody } }, async (req, reply) => {
    const a = actorOf(req);
    const id = await db().transaction((tx) => createBulletin(tx, a, req.body, opts(req)));
    return reply.status(201).send(await loadBulletin(db(), a, id));
  });
  r.patch('/bulletins/:id', { schema: { tags, params: idParam, body: bulletinPatch } }, async (req) => {
    const a = actorOf(req);
    await db().transaction((tx) => patchBulletin(tx, a, req.params.id, req.body, opts(req)));
    return loadBulletin(db(), a, req.params.id);
  });
  r.post('/bulletins/:id/steps', { schema: { tags, params: idParam, body: stepBody } }, async (req) => {
    const a = actorOf(req);
    await db().transaction((tx) => stepBulletin(tx, a, req.params.id, req.body, opts(req)));
    return loadBulletin(db(), a, req.params.id);
  });
  r.post('/bulletins/:id/outcomes', { schema: { tags, params: idParam, body: outcomeBody } }, async (req, reply) => {
    const a = actorOf(req);
    await db().transaction((tx) => addOutcome(tx, a, req.params.id, req.body, opts(req)));
    return reply.status(201).send(await loadBulletin(db(), a, req.params.id));
  });
  r.patch(
    '/bulletins/:id/outcomes/:outcomeId',
    { schema: { tags, params: outcomeParams, body: outcomeBody } },
    async (req) => {
      const a = actorOf(req);
      const { id, outcomeId } = req.params;
      await db().transaction((tx) => editOutcome(tx, a, id, outcomeId, req.body, opts(req)));
      return loadBulletin(db(), a, id);
    },
  );
  r.delete('/bulletins/:id/outcomes/:outcomeId', { schema: { tags, params: outcomeParams } }, async (req) => {
    const a = actorOf(req);
    const { id, outcomeId } = req.params;
    await db().transaction((tx) => deleteOutcome(tx, a, id, outcomeId, opts(req)));
    return loadBulletin(db(), a, id);
  });
  r.get(
    '/bulletins/:id/document',
    { schema: { tags, params: idParam, querystring: documentQuery } },
    async (req, reply) => {
      const { format } = req.query;
      const { bytes, name } = await bulletinDocument(db(), actorOf(req), req.params.id, format, app.deps.now());
      return sendDownload(reply, {
        body: bytes,
        type: BULLETIN_CONTENT_TYPES[format],
        name,
        fallback: `bulletin-${req.params.id}.${format}`,
      });
    },
  );
  r.get('/settings/bulletins', { schema: { tags } }, async (req) => presentBulletinSettings(db(), actorOf(req)));
  r.put('/settings/bulletins', { schema: { tags, body: bulletinSettingsBody } }, async (req) => {
    const a = actorOf(req);
    return db().transaction((tx) => saveBulletinSettings(tx, a, req.body, req.ip));
  });
};
