// Files on a 社情民意 item: staff uploads, a department's reply with its files in one step, downloads within scope.
import type { Multipart } from '@fastify/multipart';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FileStore } from '../../adapters/file-store.js';
import { writeAudit } from '../../audit.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { opinionAttachments } from '../../db/schema.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import { asMultipartClientError } from '../../http-guards.js';
import type { Lang } from '../../i18n/messages.js';
import { actorOf } from '../auth/plugin.js';
import { idParam, idQuery } from '../common/schemas.js';
import {
  DOCUMENT_KINDS,
  discardStored,
  drainUpload,
  type StoredUpload,
  sendStored,
  storeWith,
  streamUpload,
} from '../common/uploads.js';
import { departmentFileSql, readsRedacted } from './confidentiality-view.js';
import { assertVisible, loadOpinion } from './read.js';
import { transitionOpinion } from './transition.js';

/** Most files one request (a reply, a citizen's form) may carry. */
export const MAX_FILES_PER_REQUEST = 5;

/** Records stored files as attachments of an item (optionally of one event) in the caller's transaction. */
export async function insertOpinionAttachments(
  tx: DbOrTx,
  opinionId: number,
  stored: StoredUpload[],
  by: { eventId?: number | null; userId?: number | null },
) {
  if (!stored.length) return [];
  const rows = await tx
    .insert(opinionAttachments)
    .values(stored.map((s) => ({ ...s, opinionId, eventId: by.eventId ?? null, uploadedBy: by.userId ?? null })))
    .returning();
  return rows.map(({ storageKey, ...x }) => x);
}

/**
 * Reads a multipart request, streaming every file into the store as it arrives (type checked from its bytes, size →
 * 413; memory stays bounded however large the files), every field as text; more than `maxFiles` files is refused. The
 * files returned are in the store but recorded nowhere: pass them to `storeWith`, which records them or removes them.
 * When reading fails, the files already stored are removed here.
 */
export async function readMultipart(
  req: FastifyRequest,
  store: FileStore,
  maxFiles: number,
): Promise<{ fields: Record<string, string>; uploads: StoredUpload[] }> {
  const fields: Record<string, string> = {};
  const uploads: StoredUpload[] = [];
  try {
    for await (const part of req.parts() as AsyncIterable<Multipart>) {
      if (part.type === 'file') {
        if (!part.filename) {
          await drainUpload(part);
          continue;
        }
        if (uploads.length >= maxFiles) throw new AppError('too_many_files', { max: maxFiles });
        uploads.push(await streamUpload(store, part, DOCUMENT_KINDS));
      } else fields[part.fieldname] = String(part.value ?? '');
    }
  } catch (e) {
    await discardStored(store, uploads);
    throw asMultipartClientError(e); // a body that does not parse is a 400, not a 500
  }
  return { fields, uploads };
}

/** Office staff, and the people who entered or raised the item, may add files to it. */
async function mayUpload(db: DbOrTx, a: Actor, id: number): Promise<boolean> {
  if (hasRole(a, 'admin')) return true;
  const res =
    await db.execute(sql`select exists (select 1 from opinions o where o.id = ${id} and (o.created_by = ${a.userId}
      or exists (select 1 from opinion_originators p where p.opinion_id = o.id
        and (p.user_id = ${a.userId} ${a.memberId ? sql`or p.member_id = ${a.memberId}` : sql``})))) as ok`);
  return (res.rows[0] as { ok: boolean }).ok;
}

/**
 * Who may delete one file: never a reply's file (409); office admins otherwise; the uploader while the item is still
 * 'received' and they may still add files to it. Returns the refusal code, or null when allowed.
 */
function deleteRefusal(
  a: Actor,
  row: { eventId: number | null; uploadedBy: number | null },
  status: string,
  uploader: boolean,
): 'opinion_reply_file_locked' | 'forbidden' | null {
  if (row.eventId !== null) return 'opinion_reply_file_locked';
  if (hasRole(a, 'admin')) return null;
  return uploader && row.uploadedBy === a.userId && status === 'received' ? null : 'forbidden';
}

async function statusOf(db: DbOrTx, id: number, lock = false): Promise<string> {
  const res = await db.execute(sql`select status from opinions where id = ${id} ${lock ? sql`for update` : sql``}`);
  const row = res.rows[0] as { status: string } | undefined;
  if (!row) throw notFound();
  return row.status;
}

async function listFor(db: DbOrTx, a: Actor, id: number) {
  const only = (await readsRedacted(db, a, id)) ? sql`and ${departmentFileSql('a')}` : sql``;
  const res = await db.execute(sql`select a.id, a.event_id as "eventId", e.type as "eventType", a.filename, a.mime,
      a.size, a.created_at as "createdAt", a.uploaded_by as "uploadedBy"
    from opinion_attachments a left join opinion_events e on e.id = a.event_id
    where a.opinion_id = ${id} ${only} order by a.id`);
  const rows = res.rows as {
    id: number;
    eventId: number | null;
    eventType: string | null;
    uploadedBy: number | null;
  }[];
  const [status, uploader] = await Promise.all([statusOf(db, id), mayUpload(db, a, id)]);
  const items = rows.map(({ uploadedBy, ...x }) => ({
    ...x,
    canDelete: deleteRefusal(a, { eventId: x.eventId, uploadedBy }, status, uploader) === null,
  }));
  return { items, canUpload: uploader };
}

const attParams = z.object({
  id: idQuery,
  attachmentId: idQuery,
});

const ANSWER_ACTIONS = ['reply', 'reply_directly', 'add_co_opinion'] as const;

/** A reply (or co-handler opinion, or direct reply) and its files in one transaction; the event names the files. */
async function answerWithFiles(
  tx: Tx,
  a: Actor,
  id: number,
  action: (typeof ANSWER_ACTIONS)[number],
  content: string,
  stored: StoredUpload[],
  opts: { now: Date; lang: Lang; ip?: string },
) {
  await assertVisible(tx, a, id);
  const rows = await insertOpinionAttachments(tx, id, stored, { userId: a.userId });
  const ids = rows.map((r) => r.id);
  const out = await transitionOpinion(tx, a, id, { action, content, attachmentIds: ids }, opts);
  if (ids.length)
    await tx.execute(sql`update opinion_attachments set event_id = ${out.eventId}
      where id in (${sql.join(
        ids.map((x) => sql`${x}`),
        sql`,`,
      )})`);
  return out;
}

/** /api/v1/opinions/:id/attachments and /api/v1/opinions/:id/answer (multipart). */
export const opinionAttachmentRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const tags = ['opinions'];

  r.get('/opinions/:id/attachments', { schema: { tags, params: idParam } }, async (req) => {
    const a = actorOf(req);
    await assertVisible(db(), a, req.params.id);
    return listFor(db(), a, req.params.id);
  });

  r.post(
    '/opinions/:id/attachments',
    { schema: { tags, params: idParam, consumes: ['multipart/form-data'] } },
    async (req, reply) => {
      const a = actorOf(req);
      await assertVisible(db(), a, req.params.id);
      if (!(await mayUpload(db(), a, req.params.id))) throw new AppError('forbidden');
      const { uploads } = await readMultipart(req, app.deps.files, MAX_FILES_PER_REQUEST);
      if (!uploads.length) throw fieldError('file', 'file_required');
      const rows = await storeWith(app.deps.files, uploads, (stored) =>
        db().transaction(async (tx) => {
          const rows = await insertOpinionAttachments(tx, req.params.id, stored, { userId: a.userId });
          for (const row of rows)
            await writeAudit(
              tx,
              a,
              { action: 'create', entity: 'opinion_attachment', entityId: row.id, after: row },
              req.ip,
            );
          return rows;
        }),
      );
      return reply.status(201).send({ items: rows });
    },
  );

  r.get('/opinions/:id/attachments/:attachmentId', { schema: { tags, params: attParams } }, async (req, reply) => {
    const a = actorOf(req);
    await assertVisible(db(), a, req.params.id);
    // A department reading a confidential item's redacted copy gets its own answers' files only: the rest is 404.
    const only = (await readsRedacted(db(), a, req.params.id)) ? sql`and ${departmentFileSql('x')}` : sql``;
    const res = await db().execute(sql`select storage_key as "storageKey", mime, filename from opinion_attachments x
      where x.id = ${req.params.attachmentId} and x.opinion_id = ${req.params.id} ${only}`);
    const row = res.rows[0] as { storageKey: string; mime: string; filename: string } | undefined;
    if (!row) throw notFound();
    return sendStored(reply, app.deps.files, row);
  });

  // Admins, or the uploader while the item is still 'received'; a reply's file stays. The stored file goes after commit.
  r.delete('/opinions/:id/attachments/:attachmentId', { schema: { tags, params: attParams } }, async (req) => {
    const a = actorOf(req);
    const { id, attachmentId } = req.params;
    await assertVisible(db(), a, id);
    const row = await db().transaction(async (tx) => {
      const status = await statusOf(tx, id, true);
      const [row] = await tx
        .select()
        .from(opinionAttachments)
        .where(and(eq(opinionAttachments.id, attachmentId), eq(opinionAttachments.opinionId, id)))
        .for('update');
      if (!row) throw notFound();
      const refusal = deleteRefusal(a, row, status, await mayUpload(tx, a, id));
      if (refusal) throw new AppError(refusal);
      await tx.delete(opinionAttachments).where(eq(opinionAttachments.id, row.id));
      const { storageKey, ...before } = row;
      await writeAudit(tx, a, { action: 'delete', entity: 'opinion_attachment', entityId: row.id, before }, req.ip);
      return row;
    });
    await app.deps.files.remove(row.storageKey);
    return { ok: true };
  });

  // Multipart twin of POST /transitions for the answering actions: fields `action` and `content`, files `file`.
  r.post(
    '/opinions/:id/answer',
    { schema: { tags, params: idParam, consumes: ['multipart/form-data'] } },
    async (req) => {
      const a = actorOf(req);
      const now = app.deps.now();
      const lang = req.lang ?? 'zh';
      await assertVisible(db(), a, req.params.id);
      const { fields, uploads } = await readMultipart(req, app.deps.files, MAX_FILES_PER_REQUEST);
      const action = (fields.action || 'reply') as (typeof ANSWER_ACTIONS)[number];
      const out = await storeWith(app.deps.files, uploads, (stored) => {
        if (!ANSWER_ACTIONS.includes(action)) throw new AppError('validation_failed');
        return db().transaction((tx) =>
          answerWithFiles(tx, a, req.params.id, action, fields.content ?? '', stored, { now, lang, ip: req.ip }),
        );
      });
      return { ...out, item: await loadOpinion(db(), a, req.params.id, now) };
    },
  );
};
