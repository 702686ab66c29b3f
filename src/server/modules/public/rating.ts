// The citizen's satisfaction rating by tracking code: core decides (不满意 reopens), one transaction with event and audit.
import { sql } from 'drizzle-orm';
import { decideTransition, OPINION_ACTIONS, type OpinionEvent } from '../../../core/opinions/index.js';
import { writeAudit } from '../../audit.js';
import type { Db } from '../../db/client.js';
import { opinionEvents } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { Lang } from '../../i18n/messages.js';
import { translateIssue } from '../../i18n/zod-issues.js';
import { statusLabel } from '../opinions/read.js';
import { citizenActor, findByCode } from './view.js';

const ACTION_LABEL = new Map<string, string>(OPINION_ACTIONS.map((x) => [x.code, x.label]));

/**
 * Applies the citizen's `rate` action. The staff transitionOpinion takes a signed-in actor, so this applies core's
 * decision for a citizen actor the same way: lock, decide, set status, append the event, audit.
 */
export async function rateByCode(
  db: Db,
  code: string,
  body: { rating: string; comment: string },
  opts: { now: Date; lang: Lang; ip: string },
) {
  return db.transaction(async (tx) => {
    const item = await findByCode(tx, code, true);
    const actor = await citizenActor(tx, item.id);
    const d = decideTransition(item, actor, 'rate', body);
    if (!d.ok && d.reason === 'invalid_transition') {
      const allowed = d.allowedActions;
      throw new AppError(
        'invalid_transition',
        {
          status: d.currentStatus,
          statusLabel: statusLabel(d.currentStatus),
          action: 'rate',
          actionLabel: ACTION_LABEL.get('rate'),
          allowed: allowed.join(', ') || '-',
          allowedLabels: allowed.map((x) => ACTION_LABEL.get(x) ?? x).join('、') || '无',
        },
        { currentStatus: d.currentStatus, allowedActions: allowed },
      );
    }
    if (!d.ok) {
      const details = d.issues.map((i: any) => ({
        path: (i.path as PropertyKey[]).map(String).join('.'),
        message: translateIssue(i, opts.lang),
      }));
      throw new AppError('validation_failed', {}, details);
    }
    const ev = d.event as OpinionEvent;
    await tx.execute(sql`update opinions set status = ${d.to}, updated_at = ${opts.now.toISOString()}::timestamptz
      where id = ${item.id}`);
    await tx.insert(opinionEvents).values({
      opinionId: item.id,
      type: ev.type,
      fromStatus: ev.from,
      toStatus: ev.to,
      payload: ev.payload as Record<string, unknown>,
      actorKind: 'citizen',
      actorName: '',
      at: opts.now,
    });
    await writeAudit(
      tx,
      null,
      {
        action: 'transition:rate',
        entity: 'opinion',
        entityId: item.id,
        before: item,
        after: { status: d.to, event: ev },
      },
      opts.ip,
    );
    return { status: d.to };
  });
}
