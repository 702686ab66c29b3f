// Citizen intake without an account: one item on channel 'web' with the citizen as originator, its event and audit row.
import { sql } from 'drizzle-orm';
import { toSearchDocument } from '../../adapters/text/segmenter.js';
import { writeAudit } from '../../audit.js';
import type { Db } from '../../db/client.js';
import { opinionEvents, opinionOriginators, opinions } from '../../db/schema.js';
import { fieldError } from '../../errors.js';
import { acceptDueAt, loadCalendar } from '../opinions/calendar.js';
import { newTrackingCode } from '../opinions/create.js';
import type { PublicOpinionInput } from './schema.js';

/**
 * Records a citizen's item in one transaction and returns its tracking code. The staff createOpinion needs a signed-in
 * actor (its intake rules are per role), so this path writes the same rows with actor kind 'citizen' instead.
 */
export async function createPublicOpinion(
  db: Db,
  input: PublicOpinionInput,
  opts: { now: Date; ip: string },
): Promise<{ trackingCode: string }> {
  if (input.consent !== true) throw fieldError('consent', 'consent_required');
  return db.transaction(async (tx) => {
    const check = await tx.execute(sql`select
      exists (select 1 from regions where id = ${input.regionId} and level = 'village') as village,
      exists (select 1 from opinion_categories where id = ${input.categoryId} and active) as category`);
    const f = check.rows[0] as { village: boolean; category: boolean };
    if (!f.category) throw fieldError('categoryId', 'category_missing');
    if (!f.village) throw fieldError('regionId', 'village_missing');
    const cal = await loadCalendar(tx);
    const [row] = await tx
      .insert(opinions)
      .values({
        trackingCode: newTrackingCode(),
        title: input.title,
        content: input.content,
        categoryId: input.categoryId,
        regionId: input.regionId,
        channel: 'web',
        urgency: 'normal',
        confidentiality: 'normal',
        acceptDueAt: acceptDueAt(opts.now, 'normal', cal),
        searchText: toSearchDocument(`${input.title}\n${input.content}`),
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
      payload: { channel: 'web' },
      actorKind: 'citizen',
      actorName: '',
      at: opts.now,
    });
    const { searchText: _s, idempotencyKey: _k, ...after } = row;
    await writeAudit(
      tx,
      null,
      { action: 'create', entity: 'opinion', entityId: row.id, after: { ...after, originators: [person] } },
      opts.ip,
    );
    return { trackingCode: row.trackingCode };
  });
}
