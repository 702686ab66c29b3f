// Evidence of a problem's progress (photos, documents, a department's report): streamed into the file store with the
// type from the bytes and the size limit, recorded with its event and audit row in one transaction, or removed again.
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FileStore } from '../../adapters/file-store.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import type { Lang } from '../../i18n/messages.js';
import { storeWith } from '../common/uploads.js';
import { readMultipart } from '../opinions/attachments.js';
import { parseBody } from '../public/schema.js';
import { isProblemDepartment, loadVisible, managesRegion } from './access.js';
import { evidenceFields } from './schema.js';
import { recordEvent, type WriteOpts } from './service.js';

/** Whether the actor may add evidence of this kind: managers any kind, the problem's departments their reports. */
async function mayAdd(db: DbOrTx, a: Actor, id: number, kind?: string): Promise<boolean> {
  const row = await loadVisible(db, a, id);
  if (managesRegion(a, row.regionId)) return true;
  return (kind === undefined || kind === 'report') && (await isProblemDepartment(db, a, row));
}

/** Reads one file and the fields `kind`, `title`, `published` from the request and records them; returns the id. */
export async function addEvidence(
  db: Db,
  files: FileStore,
  req: FastifyRequest,
  a: Actor,
  id: number,
  opts: WriteOpts & { lang: Lang },
): Promise<number> {
  // Refuse outsiders (404) and readers (403) before a byte of the file is stored.
  if (!(await mayAdd(db, a, id))) throw new AppError('forbidden');
  const { fields, uploads } = await readMultipart(req, files, 1);
  return storeWith(files, uploads, async (stored) => {
    const input = parseBody(evidenceFields, fields, opts.lang);
    const file = stored[0];
    if (!file) throw fieldError('file', 'file_required');
    return db.transaction(async (tx) => {
      if (!(await mayAdd(tx, a, id, input.kind))) throw new AppError('forbidden');
      await tx.execute(sql`select id from livelihood_problems where id = ${id} for update`);
      const departmentId = hasRole(a, 'dept_handler') ? a.departmentId : null;
      const res = await tx.execute(sql`insert into problem_evidence (problem_id, kind, title, filename, mime, size,
          storage_key, department_id, published, uploaded_by, created_at)
        values (${id}, ${input.kind}, ${input.title}, ${file.filename}, ${file.mime}, ${file.size}, ${file.storageKey},
          ${departmentId}, ${input.published}, ${a.userId}, ${opts.now.toISOString()}::timestamptz) returning id`);
      const evidenceId = (res.rows[0] as { id: number }).id;
      await tx.execute(sql`update livelihood_problems set updated_at = ${opts.now.toISOString()}::timestamptz
        where id = ${id}`);
      const payload = {
        evidenceId,
        kind: input.kind,
        title: input.title,
        filename: file.filename,
        published: input.published,
      };
      await recordEvent(tx, a, id, { type: 'evidence_added', payload }, opts);
      return evidenceId;
    });
  });
}

/** The stored file of one evidence row of a problem the actor may see, or 404. */
export async function findEvidence(db: DbOrTx, a: Actor, id: number, evidenceId: number) {
  await loadVisible(db, a, id);
  const res = await db.execute(sql`select storage_key as "storageKey", mime, filename from problem_evidence
    where id = ${evidenceId} and problem_id = ${id}`);
  const row = res.rows[0] as { storageKey: string; mime: string; filename: string } | undefined;
  if (!row) throw notFound();
  return row;
}
