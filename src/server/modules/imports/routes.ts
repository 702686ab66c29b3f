// /api/v1/imports: download a template, upload a filled one (admin only; ?dryRun=true only checks).
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { asMultipartClientError } from '../../http-guards.js';
import { actorOf } from '../auth/plugin.js';
import { registryAdmin } from '../common/crud.js';
import { contentDisposition } from '../common/download.js';
import { importMessage } from './messages.js';
import { buildTemplate, IMPORT_KINDS, runImport, TEMPLATE_FILE_NAMES } from './service.js';

const kindParam = z.object({ kind: z.enum(IMPORT_KINDS) });
const importQuery = z.object({ dryRun: z.enum(['true', 'false', '1', '0']).optional() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Import endpoints. */
export const importRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  r.get('/imports/templates/:kind', { schema: { tags: ['imports'], params: kindParam } }, async (req, reply) => {
    actorOf(req);
    const data = await buildTemplate(db(), req.params.kind);
    reply.header('content-type', XLSX);
    reply.header('content-disposition', contentDisposition(TEMPLATE_FILE_NAMES[req.params.kind]));
    return reply.send(data);
  });

  r.post(
    '/imports/:kind',
    { schema: { tags: ['imports'], params: kindParam, querystring: importQuery, consumes: ['multipart/form-data'] } },
    async (req) => {
      const actor = registryAdmin(req);
      const file = req.isMultipart()
        ? await req.file().catch((e) => Promise.reject(asMultipartClientError(e)))
        : undefined;
      if (!file) {
        const errors = [{ row: 0, column: '', code: 'no_file', message: importMessage('no_file', req.lang) }];
        throw new AppError(
          'import_bad_file',
          {},
          { ok: false, total: 0, created: 0, updated: 0, unchanged: 0, errors, errorCount: 1 },
        );
      }
      const data = await file.toBuffer().catch((e) => Promise.reject(asMultipartClientError(e)));
      const dryRun = req.query.dryRun === 'true' || req.query.dryRun === '1';
      return runImport(db(), {
        kind: req.params.kind,
        data,
        actor,
        dryRun,
        lang: req.lang,
        ip: req.ip,
        now: app.deps.now(),
      });
    },
  );
};
