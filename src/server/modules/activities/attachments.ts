// Photos and sign-in sheets of an activity: type from the file's bytes, size-limited, served only within scope.
import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../../audit.js';
import { attachments } from '../../db/schema.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import { actorOf } from '../auth/plugin.js';
import { idParam } from '../common/schemas.js';
import { loadActivity, presentActivity } from './service.js';

const KINDS = [
  { mime: 'image/jpeg', ext: 'jpg', test: (b: Buffer) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    mime: 'image/png',
    ext: 'png',
    test: (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    mime: 'image/webp',
    ext: 'webp',
    test: (b: Buffer) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  { mime: 'application/pdf', ext: 'pdf', test: (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
];

/** Detects the real type from magic bytes; the client's claimed type and file name are not trusted. */
export function sniffType(b: Buffer) {
  return KINDS.find((k) => b.length >= 12 && k.test(b)) ?? null;
}

const attParams = z.object({
  id: z.coerce.number().int().positive(),
  attachmentId: z.coerce.number().int().positive(),
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
      const file = await req.file();
      if (!file) throw fieldError('file', 'file_required');
      const data = await file.toBuffer(); // throws FST_REQ_FILE_TOO_LARGE → 413
      const kindField = (file.fields.kind as any)?.value;
      const kind = kindField === 'signin' ? 'signin' : 'photo';
      const type = sniffType(data);
      if (!type) throw new AppError('unsupported_file_type', { allowed: 'JPG、PNG、WEBP、PDF' });
      const key = await app.deps.files.put(data, type.ext);
      try {
        const row = await db().transaction(async (tx) => {
          const [row] = await tx
            .insert(attachments)
            .values({
              activityId: act.id,
              kind,
              filename: file.filename.slice(0, 200) || `file.${type.ext}`,
              mime: type.mime,
              size: data.length,
              storageKey: key,
              uploadedBy: a.userId,
            })
            .returning();
          await writeAudit(
            tx,
            a,
            { action: 'create', entity: 'attachment', entityId: row.id, after: { ...row, storageKey: undefined } },
            req.ip,
          );
          return row;
        });
        const { storageKey, ...out } = row;
        return reply.status(201).send(out);
      } catch (e) {
        await app.deps.files.remove(key);
        throw e;
      }
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
      const data = await app.deps.files.get(row.storageKey);
      reply.header('content-type', row.mime).header('x-content-type-options', 'nosniff');
      reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(row.filename)}`);
      return reply.send(data);
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
