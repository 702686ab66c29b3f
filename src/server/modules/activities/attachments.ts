// Photos and sign-in sheets of an activity: type from the file's bytes, size-limited, served only within scope.
import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../../audit.js';
import { attachments } from '../../db/schema.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import { asMultipartClientError } from '../../http-guards.js';
import { actorOf } from '../auth/plugin.js';
import { idParam, idQuery } from '../common/schemas.js';
import {
  drainUpload,
  IMAGE_PDF_KINDS,
  type StoredUpload,
  sendStored,
  storeWith,
  streamUpload,
} from '../common/uploads.js';
import { loadActivity, presentActivity } from './service.js';

/**
 * A phone retrying an upload whose reply it lost sends the same `Idempotency-Key`: the first row is answered again
 * (200 instead of 201) and the file is not stored twice. A key already used for another activity is a 409.
 */
const uploadHeaders = z.object({ 'idempotency-key': z.string().trim().min(8).max(64).optional() });

const attParams = z.object({
  id: idQuery,
  attachmentId: idQuery,
});

/** /api/v1/activities/:id/attachments */
export const attachmentRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  r.get('/activities/:id/attachments', { schema: { tags: ['activities'], params: idParam } }, async (req) => {
    await loadActivity(db(), actorOf(req), req.params.id);
    const rows = await db().select().from(attachments).where(eq(attachments.activityId, req.params.id));
    return { items: rows.map(({ storageKey, ...x }) => x) };
  });

  r.post(
    '/activities/:id/attachments',
    {
      schema: { tags: ['activities'], params: idParam, headers: uploadHeaders, consumes: ['multipart/form-data'] },
    },
    async (req, reply) => {
      const a = actorOf(req);
      const act = presentActivity(a, await loadActivity(db(), a, req.params.id));
      if (!act.abilities.canAttach) throw notFound();
      const clientId = req.headers['idempotency-key'] || null;
      const earlier = async () => {
        if (!clientId) return null;
        const [row] = await db().select().from(attachments).where(eq(attachments.clientId, clientId));
        if (row && row.activityId !== act.id) throw new AppError('conflict');
        return row ?? null;
      };
      const answer = (row: typeof attachments.$inferSelect, status: number) => {
        const { storageKey, ...out } = row;
        return reply.status(status).send(out);
      };
      const seen = await earlier();
      if (seen) {
        const file = await req.file().catch(() => undefined);
        if (file) await drainUpload(file).catch(() => undefined);
        return answer(seen, 200);
      }
      // A body that does not parse as multipart → 400; too large → 413; wrong type → 415. The file streams into the
      // store; the insert below records it or removes it again.
      let kind: 'signin' | 'photo';
      let upload: StoredUpload;
      try {
        const file = await req.file();
        if (!file) throw fieldError('file', 'file_required');
        kind = (file.fields.kind as any)?.value === 'signin' ? 'signin' : 'photo';
        upload = await streamUpload(app.deps.files, file, IMAGE_PDF_KINDS);
      } catch (e) {
        throw asMultipartClientError(e);
      }
      let row: typeof attachments.$inferSelect;
      try {
        row = await storeWith(app.deps.files, [upload], ([stored]) =>
          db().transaction(async (tx) => {
            const [row] = await tx
              .insert(attachments)
              .values({ activityId: act.id, kind, ...stored, uploadedBy: a.userId, clientId })
              .returning();
            await writeAudit(
              tx,
              a,
              { action: 'create', entity: 'attachment', entityId: row.id, after: { ...row, storageKey: undefined } },
              req.ip,
            );
            return row;
          }),
        );
      } catch (e) {
        // Two copies of the same upload at once: the second lost the race on the unique key; answer the first.
        const first = await earlier().catch(() => null);
        if (first) return answer(first, 200);
        throw e;
      }
      return answer(row, 201);
    },
  );

  r.get(
    '/activities/:id/attachments/:attachmentId',
    { schema: { tags: ['activities'], params: attParams } },
    async (req, reply) => {
      await loadActivity(db(), actorOf(req), req.params.id);
      const [row] = await db()
        .select()
        .from(attachments)
        .where(and(eq(attachments.id, req.params.attachmentId), eq(attachments.activityId, req.params.id)));
      if (!row) throw notFound();
      return sendStored(reply, app.deps.files, row);
    },
  );

  r.delete(
    '/activities/:id/attachments/:attachmentId',
    { schema: { tags: ['activities'], params: attParams } },
    async (req) => {
      const a = actorOf(req);
      const act = presentActivity(a, await loadActivity(db(), a, req.params.id));
      if (!act.abilities.canAttach) throw notFound();
      const row = await db().transaction(async (tx) => {
        const [row] = await tx
          .delete(attachments)
          .where(and(eq(attachments.id, req.params.attachmentId), eq(attachments.activityId, act.id)))
          .returning();
        if (!row) throw notFound();
        await writeAudit(
          tx,
          a,
          { action: 'delete', entity: 'attachment', entityId: row.id, before: { ...row, storageKey: undefined } },
          req.ip,
        );
        return row;
      });
      await app.deps.files.remove(row.storageKey);
      return { ok: true };
    },
  );
};
