// The citizen's satisfaction rating by tracking code: the same transition as staff moves, with a citizen mover.
import type { Db } from '../../db/client.js';
import type { Lang } from '../../i18n/messages.js';
import { applyTransition } from '../opinions/transition.js';
import { citizenActor, findByCode } from './view.js';

/**
 * Applies the citizen's `rate` action: 不满意 reopens; 满意 closes at once when the handling setting says so (the system's
 * close, in the same transaction, inside applyTransition). The code stands in for the sign-in.
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
    const { status } = await applyTransition(tx, { kind: 'citizen' }, item, actor, { action: 'rate', ...body }, opts);
    return { status };
  });
}
