// Photos and sign-in sheets of an activity: type from the file's bytes, size-limited, served only within scope.
import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../../audit.js';
import { attachments } from '../../db/schema.js';
import { fieldError, notFound } from '../../errors.js';
import { asMultipartClientError } from '../../http-guards.js';
import { actorOf } from '../auth/plugin.js';
import { idParam, idQuery } from '../common/schemas.js';
import { IMAGE_PDF_KINDS, type StoredUpload, sendStored, storeWith, streamUpload } from '../common/uploads.js';
import { loadActivity, presentActivity } from './service.js';

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
    { schema: { tags: ['activities'], params: idParam, consumes: ['multipart/form-data'] } },
    async (req, reply) => {
      const a = actorOf(req);
      const act = presentActivity(a, await loadActivity(db(), a, req.params.id));
      if (!act.abilities.canAttach) throw notFound();
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
      const row = await storeWith(app.deps.files, [upload], ([stored]) =>
        db().transaction(async (tx) => {
          const [row] = await tx
            .insert(attachments)
            .values({ activityId: act.id, kind, ...stored, uploadedBy: a.userId })
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
      const { storageKey, ...out } = row;
      return reply.status(201).send(out);
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
