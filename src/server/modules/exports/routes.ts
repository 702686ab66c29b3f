// /api/v1/exports/*: the three paper forms as xlsx or pdf downloads, each scoped like the records behind it.
import { PassThrough } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { readWithLagRetry } from '../../db/read-replica.js';
import { actorOf } from '../auth/plugin.js';
import { sendDownload } from '../common/download.js';
import { recordCardExportQuery, registrationExportQuery, summaryExportQuery } from './schema.js';
import {
  FORM_CONTENT_TYPES,
  type FormDataOf,
  type FormFormat,
  type FormKind,
  formFilename,
  loadRecordCardData,
  loadRegistrationData,
  loadSummaryData,
  loadSummaryHead,
  openSummaryWorkbook,
  renderForm,
} from './service.js';

/** Renders and sends a form as an attachment with its Chinese file name (RFC 6266 filename*, ASCII fallback). */
async function sendForm<K extends FormKind>(reply: FastifyReply, kind: K, data: FormDataOf[K], format: FormFormat) {
  const body = await renderForm(kind, data, format);
  const name = formFilename(kind, data, format);
  return sendDownload(reply, { body, type: FORM_CONTENT_TYPES[format], name, fallback: `${kind}.${format}` });
}

/** Export endpoints. */
export const exportRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Forms are report reads: the read replica when one is configured, the primary for a record it has not replayed yet.
  const read = <T>(load: (db: Db) => Promise<T>) => readWithLagRetry(app.deps.database, load);
  r.get(
    '/exports/registration',
    { schema: { tags: ['exports'], querystring: registrationExportQuery } },
    async (req, reply) => {
      const data = await read((db) => loadRegistrationData(db, actorOf(req), req.query.memberId, app.deps.now()));
      return sendForm(reply, 'registration', data, req.query.format);
    },
  );
  r.get(
    '/exports/record-card',
    { schema: { tags: ['exports'], querystring: recordCardExportQuery } },
    async (req, reply) => {
      const data = await read((db) => loadRecordCardData(db, actorOf(req), req.query.activityId));
      return sendForm(reply, 'record-card', data, req.query.format);
    },
  );
  r.get('/exports/summary', { schema: { tags: ['exports'], querystring: summaryExportQuery } }, async (req, reply) => {
    const { groupId, from, to, format } = req.query;
    if (format === 'pdf') {
      const data = await read((db) => loadSummaryData(db, actorOf(req), groupId, from, to, app.deps.now()));
      return sendForm(reply, 'summary', data, format);
    }
    // The xlsx streams: checked and headed first (404, bad range), then rows go out page by page as they are read.
    const head = await read((db) => loadSummaryHead(db, actorOf(req), groupId, from, to, app.deps.now()));
    const write = await openSummaryWorkbook(app.deps.database.readDb, groupId, head);
    const out = new PassThrough();
    write(out).catch((err) => {
      req.log.error({ err }, 'summary export stopped');
      out.destroy(err);
    });
    const name = formFilename('summary', { ...head, rows: [] }, format);
    return sendDownload(reply, { body: out, type: FORM_CONTENT_TYPES.xlsx, name, fallback: 'summary.xlsx' });
  });
};
