// The office's text state, in memory and per database: a similar-items index and a category classifier, built from
// the opinions table and caught up (new ids) before each use. No table of its own: a restart rebuilds it from items.
import { sql } from 'drizzle-orm';
import { SimilarIndex, TextClassifier, type TextFeatures } from '../../../core/text/index.js';
import { itemFeatures, textWords } from '../../adapters/text/pipeline.js';
import type { DbOrTx } from '../../db/client.js';

/** Rows read per page while catching up (≈40 ms of segmentation); the event loop gets a turn between pages. */
const PAGE = 100;
/** Characters of the content read per item (the matter is stated at the start). */
const TEXT_CHARS = 3000;

interface State {
  index: SimilarIndex;
  classifier: TextClassifier | null;
  /** Category ids with their names, as the classifier learned them. */
  categoryNames: Map<number, string>;
  lastId: number;
  /** Newest item the classifier has learned (its batch training reads ahead of the index). */
  learnedId: number;
  busy: Promise<void>;
}

const states = new WeakMap<object, State>();

function stateFor(db: DbOrTx): State {
  let s = states.get(db);
  if (!s) {
    s = {
      index: new SimilarIndex(),
      classifier: null,
      categoryNames: new Map(),
      lastId: 0,
      learnedId: 0,
      busy: Promise.resolve(),
    };
    states.set(db, s);
  }
  return s;
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

interface ItemRow {
  id: number;
  title: string;
  content: string;
  categoryId: number | null;
}

/** Adds the items created since the last call (id order); each call costs one indexed query when nothing is new. */
async function catchUp(db: DbOrTx, s: State): Promise<void> {
  for (;;) {
    const res = await db.execute(sql`select id, title, left(content, ${TEXT_CHARS}) as content,
      category_id as "categoryId" from opinions where id > ${s.lastId} order by id limit ${PAGE}`);
    const rows = res.rows as unknown as ItemRow[];
    for (const r of rows) {
      const f = itemFeatures(r.title, r.content);
      s.index.add(r.id, f);
      if (r.categoryId !== null && s.classifier && r.id > s.learnedId) {
        s.classifier.learn(textWords(`${r.title}\n${r.content}`), String(r.categoryId));
        s.learnedId = r.id;
      }
      s.lastId = r.id;
    }
    if (rows.length < PAGE) return;
    await yieldToLoop();
  }
}

/** Runs `task` after the state's earlier work, so concurrent requests never interleave a catch-up. */
function serial<T>(s: State, task: () => Promise<T>): Promise<T> {
  const run = s.busy.then(task);
  s.busy = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

/** The similar-items index of this database, caught up to the newest item. */
export function similarIndexFor(db: DbOrTx): Promise<SimilarIndex> {
  const s = stateFor(db);
  return serial(s, async () => {
    await catchUp(db, s);
    return s.index;
  });
}

/** Features of an item or of text being typed, as the index stores them. */
export function featuresOf(title: string, content: string): TextFeatures {
  return itemFeatures(title, content.slice(0, TEXT_CHARS));
}

/**
 * The category classifier of this database: trained once from every categorised item (the office's decisions), with
 * the category names as cold-start keywords; later items are learned one by one as they arrive.
 */
export function classifierFor(db: DbOrTx): Promise<{ classifier: TextClassifier; names: Map<number, string> }> {
  const s = stateFor(db);
  return serial(s, async () => {
    const cats = (
      await db.execute(sql`select c.id, c.parent_id as "parentId", c.name, p.name as "parentName" from opinion_categories c
        left join opinion_categories p on p.id = c.parent_id where c.active`)
    ).rows as { id: number; parentId: number | null; name: string; parentName: string | null }[];
    if (!s.classifier) {
      const keywords: Record<string, string[]> = {};
      // Cold start: each leaf category's own words and its parent's (a top level with children is not pickable).
      const parents = new Set(cats.map((c) => c.parentId));
      for (const c of cats)
        if (!parents.has(c.id)) keywords[String(c.id)] = [...new Set(textWords(`${c.name} ${c.parentName ?? ''}`))];
      const classifier = new TextClassifier({ keywords });
      const examples: { terms: string[]; label: string }[] = [];
      let last = 0;
      for (;;) {
        const rows = (
          await db.execute(sql`select id, title, left(content, ${TEXT_CHARS}) as content, category_id as "categoryId"
            from opinions where id > ${last} and category_id is not null order by id limit ${PAGE}`)
        ).rows as unknown as ItemRow[];
        for (const r of rows)
          examples.push({ terms: textWords(`${r.title}\n${r.content}`), label: String(r.categoryId) });
        if (rows.length) s.learnedId = Math.max(s.learnedId, rows[rows.length - 1].id);
        if (rows.length < PAGE) break;
        last = rows[rows.length - 1].id;
        await yieldToLoop();
      }
      // Training takes seconds for thousands of items: in slices, so other requests are served meanwhile.
      for (const _ of classifier.trainSteps(examples)) await yieldToLoop();
      s.classifier = classifier;
    }
    await catchUp(db, s);
    s.categoryNames = new Map(cats.map((c) => [c.id, c.name]));
    return { classifier: s.classifier, names: s.categoryNames };
  });
}
