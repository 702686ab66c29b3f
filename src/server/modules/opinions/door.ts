// Duplicates at the door: while a citizen or staff member types a new item, the open items of the same township that
// read like the same matter. The in-memory TF-IDF index (text-index.ts) proposes, SQL keeps the open ones of the
// township (and, for the public, of the public tier only) and adds the people count and the handling unit.
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { OpinionStatus } from '../../../core/opinions/index.js';
import { redactPii } from '../../../core/text/pii.js';
import type { Actor } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { LANGS } from '../../i18n/messages.js';
import { hasName, originatorNameJoins } from '../common/originator-names.js';
import { presentTrackingCode } from '../common/present-person.js';
import { idBody } from '../common/schemas.js';
import { STAGE_OF } from '../public/view.js';
import { sealRef } from './door-ref.js';
import { statusLabel } from './read.js';
import { opinionsVisible, seesRedacted } from './scope.js';
import { featuresOf, similarIndexFor } from './text-index.js';

/**
 * Open: a citizen who follows it still gets its answer. Not received-and-refused, not merged, not answered (feedback
 * sent, rated: following would bring nothing), not closed.
 */
export const OPEN_STATUSES: readonly OpinionStatus[] = [
  'received',
  'accepted',
  'forwarded',
  'replied',
  'returned_for_rework',
  'reviewed',
  'replied_directly',
  'reopened',
];

/**
 * Lowest similarity score shown to a citizen. Measured by bench/door-threshold.ts on the 4,326 real messages of
 * bench/data (172 in 6 same-problem groups), with the title only, as a citizen types it: at 0.3 a same-problem item
 * is offered for 77 % of the grouped messages and 98 % of what is offered is the same problem, while 23 % of the
 * other messages get an offer (an upper bound on false alarms: that set holds unlabelled duplicates). At 0.25 the
 * figures are 84 % / 97 % / 31 %. (Before the index weighed titles and recovered split place names, 0.25 gave
 * 73 % / 96 % / 23 %.) Same township and open only cut the false alarms further.
 */
export const PUBLIC_MIN_COSINE = 0.3;
/** Staff see scores and judge themselves: the item page's cut-off (similar.ts). */
export const STAFF_MIN_COSINE = 0.12;
/** The same village first among texts about equally close (a template sent from many villages is many matters). */
const SAME_VILLAGE = 0.05;
/** Text matches asked of the index before the township/status filter. */
const CANDIDATES = 200;
const PUBLIC_LIMIT = 5;
const STAFF_LIMIT = 10;
/** Characters of a title shown publicly. */
const TITLE_CHARS = 60;

/** Body of both look-ups: what was typed so far, and the village or township chosen (county-wide when none). */
export const doorBody = z
  .object({
    title: z.string().trim().max(200).default(''),
    content: z.string().trim().max(20_000).default(''),
    regionId: idBody.optional(),
    /** The form's language; the answer holds codes and the office's own names only, so nothing depends on it yet. */
    lang: z.enum(LANGS).optional(),
  })
  .refine((b) => b.title.length + b.content.length > 0, { message: 'required', path: ['content'] });
type DoorInput = z.infer<typeof doorBody>;

/** SQL condition (alias o): the item lies in the township of the chosen region (the region itself or its villages). */
function inTownshipOf(regionId: number | undefined): SQL {
  if (regionId === undefined) return sql`true`;
  return sql`o.region_id in (select r.id from regions r, (select coalesce(parent_id, id) as t from regions
    where id = ${regionId}) x where r.id = x.t or r.parent_id = x.t)`;
}

/** SQL (alias o): the item's id and those of the items merged into it, as one list: both index lookups (an `or`
 * between them made PostgreSQL scan every originator for every candidate: 0.3 s a look-up at 100,000 items). */
const itemAndMerged = sql`select o.id union all select s.id from opinions s where s.merged_into_id = o.id`;

/** SQL (alias o): distinct people who raised the item or an item merged into it (by member, representative, user,
 * else a citizen's phone or e-mail; a citizen who left neither counts once per row). */
const peopleCount = sql`(select count(distinct coalesce('m' || oo.member_id, 'r' || oo.representative_id,
    'u' || oo.user_id, nullif('p' || regexp_replace(oo.phone, '[^0-9]', '', 'g'), 'p'), nullif('e' || lower(oo.email), 'e'),
    'o' || oo.id))::int
  from opinion_originators oo where oo.opinion_id in (${itemAndMerged}))`;

/** SQL (alias o): the lead department's name once the office forwarded the item (as the tracking page shows it). */
const handlingUnit = sql`case when exists (select 1 from opinion_events fw where fw.opinion_id = o.id and fw.type = 'forward')
  then (select d.name from departments d where d.id = o.lead_department_id) end`;

const openOnly = sql`o.status in (${sql.join(
  OPEN_STATUSES.map((s) => sql`${s}`),
  sql`, `,
)})`;

async function textHits(db: DbOrTx, input: DoorInput, minScore: number) {
  const index = await similarIndexFor(db);
  const hits = index.query(featuresOf(input.title, input.content), { limit: CANDIDATES, minScore });
  return { hits, scoreOf: new Map(hits.map((h) => [h.id, h.score])) };
}

/** SQL (alias o): the item is in exactly the chosen region. */
const sameRegion = (regionId: number | undefined) =>
  regionId === undefined ? sql`false` : sql`(o.region_id is not distinct from ${regionId}::int)`;

/** Text closeness with the same-village nudge: the order of both lists. */
const rankOf = (score: number, r: { sameRegion: boolean }) => score + (r.sameRegion ? SAME_VILLAGE : 0);

const idList = (ids: number[]) =>
  sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  );

interface PublicRow {
  id: number;
  title: string;
  status: OpinionStatus;
  month: string;
  peopleCount: number;
  handlingUnit: string | null;
  names: string[];
  sameRegion: boolean;
}

/**
 * Up to 5 open public items of the township like the text, best first: an opaque ref to follow one, the title without
 * personal data, the public stage, how many people raised it, the handling unit and the month received. Never a name,
 * phone, code, id or the content.
 */
export async function findOpenForCitizen(db: DbOrTx, input: DoorInput, now: Date) {
  const { hits, scoreOf } = await textHits(db, input, PUBLIC_MIN_COSINE);
  if (!hits.length) return { items: [] };
  const res = await db.execute(sql`select o.id, o.title, o.status,
      to_char((o.received_at at time zone 'UTC') + interval '8 hours', 'YYYY-MM') as month,
      ${peopleCount} as "peopleCount", ${handlingUnit} as "handlingUnit",
      array(select distinct n.name from opinion_originators oo ${originatorNameJoins}
        where oo.opinion_id in (${itemAndMerged}) and ${hasName}) as names, ${sameRegion(input.regionId)} as "sameRegion"
    from opinions o where o.id in (${idList(hits.map((h) => h.id))}) and o.confidentiality = 'normal'
      and ${openOnly} and ${inTownshipOf(input.regionId)}`);
  const rows = (res.rows as unknown as PublicRow[])
    .sort((a, b) => rankOf(scoreOf.get(b.id) ?? 0, b) - rankOf(scoreOf.get(a.id) ?? 0, a) || b.id - a.id)
    .slice(0, PUBLIC_LIMIT);
  const items = [];
  for (const r of rows)
    items.push({
      ref: await sealRef(db, r.id, now),
      title: redactPii(r.title, { names: r.names }).slice(0, TITLE_CHARS),
      status: STAGE_OF[r.status],
      peopleCount: r.peopleCount,
      handlingUnit: r.handlingUnit,
      month: r.month,
    });
  return { items };
}

/** One open item as the staff new-item form lists it. */
interface StaffRow {
  id: number;
  trackingCode: string;
  title: string;
  status: OpinionStatus;
  receivedAt: string;
  regionName: string | null;
  categoryName: string | null;
  peopleCount: number;
  handlingUnit: string | null;
  sameRegion: boolean;
}

/**
 * Up to 10 open items like the draft among those the actor sees in the original (a copy read redacted is never
 * proposed: its match would leak the original's words), with score, people count and handling unit; the tracking code
 * as the actor's masking policy shows it.
 */
export async function findOpenForStaff(db: DbOrTx, a: Actor, input: DoorInput) {
  const { hits, scoreOf } = await textHits(db, input, STAFF_MIN_COSINE);
  if (!hits.length) return { items: [] };
  const res = await db.execute(sql`select o.id, o.tracking_code as "trackingCode", o.title, o.status,
      o.received_at as "receivedAt", v.name as "regionName", c.name as "categoryName",
      ${peopleCount} as "peopleCount", ${handlingUnit} as "handlingUnit", ${sameRegion(input.regionId)} as "sameRegion"
    from opinions o left join regions v on v.id = o.region_id left join opinion_categories c on c.id = o.category_id
    where o.id in (${idList(hits.map((h) => h.id))}) and ${opinionsVisible(a)} and not ${seesRedacted(a)}
      and ${openOnly} and ${inTownshipOf(input.regionId)}`);
  const items = (res.rows as unknown as StaffRow[])
    .map((r) => ({ r, score: scoreOf.get(r.id) ?? 0 }))
    .sort((x, y) => rankOf(y.score, y.r) - rankOf(x.score, x.r) || y.r.id - x.r.id)
    .slice(0, STAFF_LIMIT)
    .map(({ r: { sameRegion: _s, ...r }, score }) =>
      presentTrackingCode(a, { ...r, score: Math.round(score * 1000) / 1000, statusLabel: statusLabel(r.status) }),
    );
  return { items };
}
