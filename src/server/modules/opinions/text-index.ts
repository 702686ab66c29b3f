// The office's text state, in memory and per database: a similar-items index, a category classifier and a lead
// department classifier, built from the opinions table and caught up before each use: new items by id, and the
// office's later decisions (categorised events, forwards) by opinion_events id, so a correction made through any
// server process is learned by all of them. No table of its own: a restart rebuilds it from items and events.
import { sql } from 'drizzle-orm';
import { SimilarIndex, TextClassifier, type TextFeatures } from '../../../core/text/index.js';
import { itemFeatures, textWords } from '../../adapters/text/pipeline.js';
import type { DbOrTx } from '../../db/client.js';

/** Rows read per page while catching up (≈40 ms of segmentation); the event loop gets a turn between pages. */
const PAGE = 100;
/** Characters of the content read per item (the matter is stated at the start). */
const TEXT_CHARS = 3000;

/**
 * Days back an item is kept in the in-memory similar-items index and the topics (TEXT_INDEX_DAYS, default 3 years:
 * the longest period the topics page offers). Memory grows with the items in the window (about 7 KB each), so a city
 * with hundreds of thousands of items a year can keep it shorter; older items are still found by full-text search.
 */
export const TEXT_WINDOW_DAYS = (() => {
  const raw = process.env.TEXT_INDEX_DAYS?.trim();
  const n = raw ? Number(raw) : 1095;
  if (!Number.isInteger(n) || n < 30 || n > 36_500)
    throw new Error(`TEXT_INDEX_DAYS must be a whole number of days from 30 to 36500, not "${raw}"`);
  return n;
})();

/** The SQL condition of an item inside the window. */
export const inTextWindow = sql`received_at >= now() - make_interval(days => ${TEXT_WINDOW_DAYS})`;
/**
 * A correction by the office (a category already set changed, or another chosen than the suggestion) counts as this
 * many ordinary decisions: the old label cannot be unlearned, so the new one must outweigh it.
 */
export const CORRECTION_WEIGHT = 3;

interface State {
  index: SimilarIndex;
  classifier: TextClassifier | null;
  /** Lead departments (the department an item is forwarded to as 主办), learned like categories. */
  departments: TextClassifier | null;
  /** Category ids with their names, as the classifier learned them. */
  categoryNames: Map<number, string>;
  lastId: number;
  /** Newest item the classifier has learned (its batch training reads ahead of the index). */
  learnedId: number;
  /** Newest opinion_events id whose decision (categorised / forward) the classifiers have learned. */
  eventId: number;
  busy: Promise<void>;
}

const states = new WeakMap<object, State>();

function stateFor(db: DbOrTx): State {
  let s = states.get(db);
  if (!s) {
    s = {
      index: new SimilarIndex(),
      classifier: null,
      departments: null,
      categoryNames: new Map(),
      lastId: 0,
      learnedId: 0,
      eventId: 0,
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

/**
 * Terms of items the index has segmented, held for the topic model (modules/topics/model.ts) so that an item is
 * segmented once for both (at 100,000 items the second pass cost about 33 s of start-up). Collected only after the
 * topic model asked for them (keepTermsForTopics), handed over and forgotten by takeTermsForTopics, and bounded: an
 * index that runs on while no topic model comes to take them stops collecting (the topic model then segments itself).
 */
const feeds = new WeakMap<object, Map<number, readonly string[]>>();
const FEED_MAX = 200_000;

/** From now on, the index keeps each item's terms for the topic model of this database. */
export function keepTermsForTopics(db: DbOrTx): void {
  if (!feeds.has(db)) feeds.set(db, new Map());
}

/** The terms the index segmented for an item (once: they are forgotten as they are taken), if it kept them. */
export function takeTermsForTopics(db: DbOrTx, id: number): readonly string[] | undefined {
  const feed = feeds.get(db);
  const terms = feed?.get(id);
  if (terms) feed?.delete(id);
  return terms;
}

/** Items segmented by this process (both passes), for tests and benches that check work is not done twice. */
export const segmentation = { items: 0 };

/** Adds the items created since the last call (id order); each call costs one indexed query when nothing is new. */
async function catchUp(db: DbOrTx, s: State): Promise<void> {
  const feed = feeds.get(db);
  for (;;) {
    const res = await db.execute(sql`select id, title, left(content, ${TEXT_CHARS}) as content,
      category_id as "categoryId" from opinions where id > ${s.lastId} and ${inTextWindow}
      order by id limit ${PAGE}`);
    const rows = res.rows as unknown as ItemRow[];
    for (const r of rows) {
      const f = itemFeatures(r.title, r.content);
      segmentation.items++;
      s.index.add(r.id, f);
      if (feed && feed.size < FEED_MAX) feed.set(r.id, f.terms);
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
  segmentation.items++;
  return itemFeatures(title, content.slice(0, TEXT_CHARS));
}

/** The words the classifiers read of an item (or of text being typed). */
export const itemTerms = (title: string, content: string) => textWords(`${title}\n${content.slice(0, TEXT_CHARS)}`);
const termsOf = itemTerms;

/**
 * What the department classifier reads: the item's words plus its category and parent category as two tokens (no
 * word contains '#'), so it learns that 道路 items go to 交通 even where the text alone would hesitate.
 */
export const departmentTerms = (
  title: string,
  content: string,
  categoryId: number | null,
  parentId: number | null,
): string[] => [
  ...itemTerms(title, content),
  ...(categoryId !== null ? [`#c${categoryId}`] : []),
  ...(parentId !== null ? [`#c${parentId}`] : []),
];

interface DecisionRow {
  id: number;
  type: 'categorised' | 'forward';
  label: string | null;
  title: string;
  content: string;
  categoryId: number | null;
  parentId: number | null;
  /** The office changed a category already set, or chose another than the suggestion. */
  isCorrection: boolean;
}

/**
 * Learns the decisions recorded since the last call, whichever process wrote them: a category correction (weighted)
 * teaches the category classifier, a forward's lead department the department classifier.
 */
async function catchUpDecisions(db: DbOrTx, s: State): Promise<void> {
  for (;;) {
    const rows = (
      await db.execute(sql`select e.id, e.type, case when e.type = 'forward' then e.payload->>'leadDepartmentId'
          else e.payload->>'to' end as label, o.title, left(o.content, ${TEXT_CHARS}) as content,
          (e.type = 'categorised' and (e.payload->>'from' is not null or e.payload->>'suggested' = 'false'))
            as "isCorrection", o.category_id as "categoryId", c.parent_id as "parentId"
        from opinion_events e join opinions o on o.id = e.opinion_id
        left join opinion_categories c on c.id = o.category_id
        where e.id > ${s.eventId} and e.type in ('categorised', 'forward') order by e.id limit ${PAGE}`)
    ).rows as unknown as DecisionRow[];
    for (const r of rows) {
      if (r.label) {
        const terms = termsOf(r.title, r.content);
        if (r.type === 'forward')
          s.departments?.learn(departmentTerms(r.title, r.content, r.categoryId, r.parentId), r.label);
        else for (let i = 0; i < (r.isCorrection ? CORRECTION_WEIGHT : 1); i++) s.classifier?.learn(terms, r.label);
      }
      s.eventId = Number(r.id);
    }
    if (rows.length < PAGE) return;
    await yieldToLoop();
  }
}

type Example = { terms: string[]; label: string };

/** Reads labelled examples page by page (id order), yielding between pages. */
async function readExamples(
  db: DbOrTx,
  page: (after: number) => ReturnType<typeof sql>,
  onRow: (r: ItemRow & { label: string; weight: number }) => void,
): Promise<number> {
  let last = 0;
  for (;;) {
    const rows = (await db.execute(page(last))).rows as unknown as (ItemRow & { label: string; weight: number })[];
    for (const r of rows) onRow(r);
    if (rows.length < PAGE) return last;
    last = rows[rows.length - 1].id;
    await yieldToLoop();
  }
}

/** Trains a classifier from examples in slices, so other requests are served meanwhile (seconds for thousands). */
async function trainInSlices(classifier: TextClassifier, examples: Example[]): Promise<void> {
  for (const _ of classifier.trainSteps(examples)) await yieldToLoop();
}

/**
 * First use: both classifiers trained from the office's decisions so far — every categorised item (a corrected one
 * weighted) and every item's current lead department — with category and department names as cold-start keywords.
 */
async function trainModels(db: DbOrTx, s: State): Promise<void> {
  // Decisions recorded from here on are learned as events; the batch below already holds the earlier ones.
  const head = await db.execute(sql`select coalesce(max(id), 0)::bigint as id from opinion_events`);
  const eventId = Number((head.rows[0] as { id: number | string }).id);
  const cats = (
    await db.execute(sql`select c.id, c.parent_id as "parentId", c.name, p.name as "parentName"
      from opinion_categories c left join opinion_categories p on p.id = c.parent_id where c.active`)
  ).rows as { id: number; parentId: number | null; name: string; parentName: string | null }[];
  const keywords: Record<string, string[]> = {};
  // Cold start: each leaf category's own words and its parent's (a top level with children is not pickable).
  const parents = new Set(cats.map((c) => c.parentId));
  for (const c of cats)
    if (!parents.has(c.id)) keywords[String(c.id)] = [...new Set(textWords(`${c.name} ${c.parentName ?? ''}`))];
  const classifier = new TextClassifier({ keywords });
  const examples: Example[] = [];
  let learnedId = 0;
  await readExamples(
    db,
    (after) => sql`select o.id, o.title, left(o.content, ${TEXT_CHARS}) as content, o.category_id::text as label,
        case when exists (select 1 from opinion_events e where e.opinion_id = o.id and e.type = 'categorised'
          and (e.payload->>'from' is not null or e.payload->>'suggested' = 'false'))
          then ${CORRECTION_WEIGHT} else 1 end as weight
      from opinions o where o.id > ${after} and o.category_id is not null order by o.id limit ${PAGE}`,
    (r) => {
      const terms = termsOf(r.title, r.content);
      for (let i = 0; i < r.weight; i++) examples.push({ terms, label: r.label });
      learnedId = Math.max(learnedId, r.id);
    },
  );
  await trainInSlices(classifier, examples);
  const depts = (await db.execute(sql`select id, name from departments`)).rows as {
    id: number;
    name: string;
  }[];
  const deptKeywords: Record<string, string[]> = {};
  for (const d of depts) deptKeywords[String(d.id)] = [...new Set(textWords(d.name))];
  const departments = new TextClassifier({ keywords: deptKeywords });
  const led: Example[] = [];
  await readExamples(
    db,
    (after) => sql`select o.id, o.title, left(o.content, ${TEXT_CHARS}) as content,
        o.lead_department_id::text as label, 1 as weight, o.category_id as "categoryId", c.parent_id as "parentId"
      from opinions o left join opinion_categories c on c.id = o.category_id
      where o.id > ${after} and o.lead_department_id is not null and o.status <> 'merged'
      order by o.id limit ${PAGE}`,
    (r) => {
      const row = r as typeof r & { parentId: number | null };
      led.push({ terms: departmentTerms(r.title, r.content, r.categoryId, row.parentId), label: r.label });
    },
  );
  await trainInSlices(departments, led);
  s.classifier = classifier;
  s.departments = departments;
  s.learnedId = Math.max(s.learnedId, learnedId);
  s.eventId = Math.max(s.eventId, eventId);
}

/** The triage models of this database, caught up to the newest item and decision. */
export interface TriageModels {
  classifier: TextClassifier;
  /** Names of the categories the office may pick (active leaves) by id. */
  names: Map<number, string>;
  /** Their parents' names (null at the top level). */
  parentNames: Map<number, string | null>;
  departments: TextClassifier;
}

/**
 * The category and lead-department classifiers of this database: trained once from the office's decisions, then
 * caught up with new items (by id) and new decisions (by event id) before each use, in turn with other requests.
 */
export function triageModelsFor(db: DbOrTx): Promise<TriageModels> {
  const s = stateFor(db);
  return serial(s, async () => {
    if (!s.classifier || !s.departments) await trainModels(db, s);
    await catchUp(db, s);
    await catchUpDecisions(db, s);
    // Only what the office may pick: active leaves (a top level with active children is not a category of its own).
    const cats = (
      await db.execute(sql`select c.id, c.name, p.name as "parentName" from opinion_categories c
        left join opinion_categories p on p.id = c.parent_id where c.active
        and not exists (select 1 from opinion_categories k where k.parent_id = c.id and k.active)`)
    ).rows as { id: number; name: string; parentName: string | null }[];
    s.categoryNames = new Map(cats.map((c) => [c.id, c.name]));
    const parentNames = new Map(cats.map((c) => [c.id, c.parentName]));
    return { classifier: s.classifier!, names: s.categoryNames, parentNames, departments: s.departments! };
  });
}

/** The category classifier with the active category names (the suggestion routes and the bench use it). */
export async function classifierFor(db: DbOrTx): Promise<{ classifier: TextClassifier; names: Map<number, string> }> {
  const { classifier, names } = await triageModelsFor(db);
  return { classifier, names };
}
