// /api/v1/contact-stations (office staff, a township's information officer, leaders reading) with the A4 QR poster,
// and /api/v1/public/stations (citizens, no account, rate-limited like the other public reads).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { renderDocument } from '../../adapters/renderers/index.js';
import { actorOf } from '../auth/plugin.js';
import { idParam } from '../common/schemas.js';
import { posterQuery } from '../directory/schema.js';
import { publicGate, publicLimitsFromEnv } from '../public/rate-limit.js';
import { stationPoster } from './poster.js';
import { publicStationQuery, stationBody, stationListQuery, stationPatch } from './schema.js';
import { createStation, listPublicStations, listStations, loadStation, updateStation } from './service.js';

/** Contact station endpoints. */
export const contactStationRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const now = () => app.deps.now();
  const lookups = publicGate(app, 'public_lookup', publicLimitsFromEnv().lookup);
  const tags = ['contact-stations'];
  const origin = (req: FastifyRequest) => app.deps.config.publicOrigin ?? `${req.protocol}://${req.host}`;

  r.get(
    '/public/stations',
    { config: { public: true }, schema: { tags, querystring: publicStationQuery } },
    async (req, reply) => {
      await lookups(req, reply);
      return listPublicStations(db(), req.query.regionId);
    },
  );
  r.get('/contact-stations', { schema: { tags, querystring: stationListQuery } }, async (req) =>
    listStations(db(), actorOf(req), req.query),
  );
  r.get('/contact-stations/:id', { schema: { tags, params: idParam } }, async (req) =>
    loadStation(db(), actorOf(req), req.params.id),
  );
  r.post('/contact-stations', { schema: { tags, body: stationBody } }, async (req, reply) => {
    const a = actorOf(req);
    const id = await db().transaction((tx) => createStation(tx, a, req.body, now(), req.ip));
    return reply.status(201).send(await loadStation(db(), a, id));
  });
  r.patch('/contact-stations/:id', { schema: { tags, params: idParam, body: stationPatch } }, async (req) => {
    const a = actorOf(req);
    await db().transaction((tx) => updateStation(tx, a, req.params.id, req.body, now(), req.ip));
    return loadStation(db(), a, req.params.id);
  });
  r.get(
    '/contact-stations/:id/poster.pdf',
    { schema: { tags, params: idParam, querystring: posterQuery } },
    async (req, reply) => {
      const data = await stationPoster(db(), actorOf(req), req.params.id, req.query.lang, origin(req));
      const bytes = await renderDocument({ kind: 'poster', format: 'pdf', data });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="poster-station-${req.params.id}.pdf"`)
        .send(bytes);
    },
  );
};
