// /api/v1/exports/*: the three paper forms as xlsx or pdf downloads, each scoped like the records behind it.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
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
  const db = () => app.deps.database.db;
  r.get(
    '/exports/registration',
    { schema: { tags: ['exports'], querystring: registrationExportQuery } },
    async (req, reply) => {
      const data = await loadRegistrationData(db(), actorOf(req), req.query.memberId, app.deps.now());
      return sendForm(reply, 'registration', data, req.query.format);
    },
  );
  r.get(
    '/exports/record-card',
    { schema: { tags: ['exports'], querystring: recordCardExportQuery } },
    async (req, reply) => {
      const data = await loadRecordCardData(db(), actorOf(req), req.query.activityId);
      return sendForm(reply, 'record-card', data, req.query.format);
    },
  );
  r.get('/exports/summary', { schema: { tags: ['exports'], querystring: summaryExportQuery } }, async (req, reply) => {
    const { groupId, from, to, format } = req.query;
    const data = await loadSummaryData(db(), actorOf(req), groupId, from, to, app.deps.now());
    return sendForm(reply, 'summary', data, format);
  });
};
