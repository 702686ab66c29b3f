// /api/v1/public/directory (citizens, no account, rate-limited like the other public reads) and the office's QR
// posters /api/v1/directory/*/poster.pdf (rendered in the render pool, off the event loop).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { renderDocument } from '../../adapters/renderers/index.js';
import { actorOf } from '../auth/plugin.js';
import { idParam } from '../common/schemas.js';
import { publicGate, publicLimitsFromEnv } from '../public/rate-limit.js';
import { memberPoster, villagePoster } from './posters.js';
import { directoryQuery, posterQuery } from './schema.js';
import { listDirectory, loadDirectoryMember, loadDirectoryVillage } from './service.js';

/** Directory and poster endpoints. */
export const directoryRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  // Shares the public look-up counter: the directory is one more public read.
  const lookups = publicGate(app, 'public_lookup', publicLimitsFromEnv().lookup);
  const config = { public: true };
  const tags = ['directory'];
  const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

  r.get('/public/directory', { config, schema: { tags, querystring: directoryQuery } }, async (req, reply) => {
    await lookups(req, reply);
    return listDirectory(db(), req.query);
  });
  r.get('/public/directory/members/:id', { config, schema: { tags, params: idParam } }, async (req, reply) => {
    await lookups(req, reply);
    return loadDirectoryMember(db(), req.params.id, app.deps.now());
  });
  r.get('/public/directory/villages/:id', { config, schema: { tags, params: idParam } }, async (req, reply) => {
    await lookups(req, reply);
    return loadDirectoryVillage(db(), req.params.id);
  });
  r.get(
    '/directory/members/:id/poster.pdf',
    { schema: { tags, params: idParam, querystring: posterQuery } },
    async (req, reply) => {
      const data = await memberPoster(db(), actorOf(req), req.params.id, req.query.lang, origin(req), app.deps.now());
      return sendPdf(
        reply,
        await renderDocument({ kind: 'poster', format: 'pdf', data }),
        `poster-member-${req.params.id}`,
      );
    },
  );
  r.get(
    '/directory/villages/:id/poster.pdf',
    { schema: { tags, params: idParam, querystring: posterQuery } },
    async (req, reply) => {
      const data = await villagePoster(db(), actorOf(req), req.params.id, req.query.lang, origin(req));
      return sendPdf(
        reply,
        await renderDocument({ kind: 'poster', format: 'pdf', data }),
        `poster-village-${req.params.id}`,
      );
    },
  );
};

function sendPdf(reply: import('fastify').FastifyReply, bytes: Buffer, name: string) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${name}.pdf"`)
    .send(bytes);
}
