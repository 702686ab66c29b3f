// Citizen intake without an account (web form, e-mail): one item with the citizen as originator, its files, its event
// and audit row, all in one transaction.
import { sql } from 'drizzle-orm';
import { toSearchDocument } from '../../adapters/text/segmenter.js';
import { writeAudit } from '../../audit.js';
import type { Db, Tx } from '../../db/client.js';
import { opinionEvents, opinionOriginators, opinions } from '../../db/schema.js';
import { fieldError } from '../../errors.js';
import type { StoredUpload } from '../common/uploads.js';
import { insertOpinionAttachments } from '../opinions/attachments.js';
import { acceptDueFor } from '../opinions/deadlines.js';
import { newTrackingCode } from '../opinions/create.js';
import type { PublicOpinionInput } from './schema.js';

/** What a citizen's item holds, whatever channel brought it; category and village are optional (e-mail has none). */
export interface CitizenOpinionInput {
  title: string;
  content: string;
  categoryId?: number | null;
  regionId?: number | null;
  name: string;
  phone: string;
  email: string;
}

/** The item a channel key already made, so a redelivered mail or retried form never makes a second one. */
async function findByKey(db: Db | Tx, key: string | null) {
  if (!key) return null;
  const res = await db.execute(
    sql`select id, tracking_code as "trackingCode" from opinions where idempotency_key = ${key}`,
  );
  return (res.rows[0] as { id: number; trackingCode: string } | undefined) ?? null;
}

/**
 * Records a citizen's item with its stored files (and whatever `within` adds, e.g. an acknowledgement in the outbox)
 * in one transaction. The staff createOpinion needs a signed-in actor (its intake rules are per role), so this path
 * writes the same rows with actor kind 'citizen'. With an idempotency key a repeat returns the first item.
 */
export async function recordCitizenOpinion(
  db: Db,
  input: CitizenOpinionInput,
  opts: {
    channel: 'web' | 'email';
    now: Date;
    ip?: string;
    idempotencyKey?: string | null;
    files?: StoredUpload[];
    within?: (tx: Tx, item: { id: number; trackingCode: string }) => Promise<void>;
  },
): Promise<{ id: number; trackingCode: string; created: boolean }> {
  const key = opts.idempotencyKey ?? null;
  const existing = await findByKey(db, key);
  if (existing) return { ...existing, created: false };
  try {
    return await db.transaction(async (tx) => {
      const check = await tx.execute(sql`select
        ${input.regionId ? sql`exists (select 1 from regions where id = ${input.regionId} and level = 'village')` : sql`true`} as village,
        ${input.categoryId ? sql`exists (select 1 from opinion_categories where id = ${input.categoryId} and active)` : sql`true`} as category`);
      const f = check.rows[0] as { village: boolean; category: boolean };
      if (!f.category) throw fieldError('categoryId', 'category_missing');
      if (!f.village) throw fieldError('regionId', 'village_missing');
      const [row] = await tx
        .insert(opinions)
        .values({
          trackingCode: newTrackingCode(),
          title: input.title,
          content: input.content,
          categoryId: input.categoryId ?? null,
          regionId: input.regionId ?? null,
          channel: opts.channel,
          urgency: 'normal',
          confidentiality: 'normal',
          acceptDueAt: await acceptDueFor(tx, opts.now, { channel: opts.channel, urgency: 'normal' }),
          searchText: toSearchDocument(`${input.title}\n${input.content}`),
          idempotencyKey: key,
          receivedAt: opts.now,
          updatedAt: opts.now,
        })
        .returning();
      const person = { kind: 'citizen', name: input.name, phone: input.phone, email: input.email };
      await tx.insert(opinionOriginators).values({ ...person, opinionId: row.id });
      await tx.insert(opinionEvents).values({
        opinionId: row.id,
        type: 'received',
        toStatus: 'received',
        payload: { channel: opts.channel },
        actorKind: 'citizen',
        actorName: '',
        at: opts.now,
      });
      const files = await insertOpinionAttachments(tx, row.id, opts.files ?? [], {});
      const { searchText: _s, idempotencyKey: _k, ...after } = row;
      await writeAudit(
        tx,
        null,
        { action: 'create', entity: 'opinion', entityId: row.id, after: { ...after, originators: [person], files } },
        opts.ip,
      );
      await opts.within?.(tx, row);
      return { id: row.id, trackingCode: row.trackingCode, created: true };
    });
  } catch (e) {
    const code = (e as any)?.code ?? (e as any)?.cause?.code;
    const winner = code === '23505' ? await findByKey(db, key) : null;
    if (winner) return { ...winner, created: false }; // a concurrent redelivery with the same key won the race
    throw e;
  }
}

/** The web form: consent required, category and village required; returns the tracking code. */
export async function createPublicOpinion(
  db: Db,
  input: PublicOpinionInput,
  opts: { now: Date; ip: string; files?: StoredUpload[] },
): Promise<{ trackingCode: string }> {
  if (input.consent !== true) throw fieldError('consent', 'consent_required');
  const out = await recordCitizenOpinion(db, input, { channel: 'web', ...opts });
  return { trackingCode: out.trackingCode };
}
