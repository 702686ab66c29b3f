// The office's hot-problem topics, in memory and per database: a TopicModel (core/text/topics.ts) built from the
// opinions table on first use (the table's terms counted first, then the items placed in id order) and caught up
// incrementally afterwards: each new item joins a topic or starts one, nothing is rebuilt. No table of its own: a
// restart rebuilds it from the items. Features are the similar-items index's own: it segments each item once for both.
import { sql } from 'drizzle-orm';
import { type TopicItem, TopicModel } from '../../../core/text/index.js';
import type { DbOrTx } from '../../db/client.js';
import {
  featuresOf,
  inTextWindow,
  keepTermsForTopics,
  similarIndexFor,
  takeTermsForTopics,
} from '../opinions/text-index.js';

/** Rows read per page while catching up (segmentation ≈0.2–0.4 ms per item); the event loop gets a turn between pages. */
const PAGE = 200;
/** Characters of the content read per item (the matter is stated at the start). */
const TEXT_CHARS = 3000;

interface State {
  model: TopicModel;
  lastId: number;
  busy: Promise<void>;
}

const states = new WeakMap<object, State>();

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Adds the items created since the last call; the first call places the whole table as one batch. */
async function catchUp(db: DbOrTx, s: State): Promise<void> {
  // The similar-items index segments every item anyway: caught up first, it hands over the terms (see text-index.ts).
  keepTermsForTopics(db);
  await similarIndexFor(db);
  const fresh: TopicItem[] = [];
  for (;;) {
    const res = await db.execute(sql`select id, title, left(content, ${TEXT_CHARS}) as content from opinions
      where id > ${s.lastId} and ${inTextWindow} order by id limit ${PAGE}`);
    const rows = res.rows as unknown as { id: number; title: string; content: string }[];
    for (const r of rows) {
      fresh.push({ id: r.id, terms: takeTermsForTopics(db, r.id) ?? featuresOf(r.title, r.content).terms });
      s.lastId = r.id;
    }
    if (rows.length < PAGE) break;
    await yieldToLoop();
  }
  if (!fresh.length) return;
  if (s.model.size === 0) {
    for (const _ of s.model.addManySteps(fresh)) await yieldToLoop();
  } else {
    for (const [i, item] of fresh.entries()) {
      s.model.add(item);
      if (i % 500 === 499) await yieldToLoop();
    }
  }
}

/** The topic model of this database, caught up to the newest item (concurrent callers wait for one catch-up). */
export function topicModelFor(db: DbOrTx): Promise<TopicModel> {
  let s = states.get(db);
  if (!s) {
    s = { model: new TopicModel(), lastId: 0, busy: Promise.resolve() };
    states.set(db, s);
  }
  const state = s;
  const run = state.busy.then(async () => {
    await catchUp(db, state);
    return state.model;
  });
  state.busy = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}
