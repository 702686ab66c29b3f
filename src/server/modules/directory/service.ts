// The public member directory (篇七: members make their contact known to the people they serve): only active members,
// and of each only the directory itself (name, sector, the villages they contact, reception days) plus the contact
// channel the office published (publish_contact). Nothing else of a member is ever selected here, so nothing else can
// leak: no private phone, address, birth year, ethnicity or work unit.
import { type SQL, sql } from 'drizzle-orm';
import { chinaDateOf } from '../../../core/calendar/index.js';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { searchCondition } from '../common/search.js';
import { currentTermId } from '../sectors/service.js';
import type { DirectoryQuery } from './schema.js';

// The townships a member works in: their liaison group's township and the townships of the villages they contact.
const townshipsOf = sql`coalesce((select json_agg(json_build_object('id', t.id, 'name', t.name) order by t.code)
  from regions t where t.id in (
    select g.township_id from liaison_groups g where g.id = m.group_id
    union select v.parent_id from member_villages mv join regions v on v.id = mv.region_id where mv.member_id = m.id)), '[]')`;
const villagesOf = sql`coalesce((select json_agg(json_build_object('id', v.id, 'name', v.name, 'townshipName', t.name)
  order by v.code) from member_villages mv join regions v on v.id = mv.region_id left join regions t on t.id = v.parent_id
  where mv.member_id = m.id), '[]')`;

/** The public columns of a member: the published phone only when the office published it. */
const publicFields = sql`m.id, m.name, mt.sector_id as "sectorId", s.name as "sectorName",
  ${townshipsOf} as townships, ${villagesOf} as villages,
  case when m.publish_contact and m.public_phone <> '' then m.public_phone else null end as "publicPhone"`;

const fromMembers = (termId: number) => sql`from members m
  left join member_terms mt on mt.member_id = m.id and mt.term_id = ${termId}
  left join sectors s on s.id = mt.sector_id`;

function filters(q: DirectoryQuery): SQL {
  return sql.join(
    [
      sql`m.active`,
      // The name and its pinyin only: a phone-like query never matches a phone here.
      searchCondition(q.q || undefined, 'm'),
      q.sectorId ? sql`(mt.sector_id = ${q.sectorId} or s.parent_id = ${q.sectorId})` : sql`true`,
      q.villageId
        ? sql`exists (select 1 from member_villages mv where mv.member_id = m.id and mv.region_id = ${q.villageId})`
        : sql`true`,
      q.townshipId
        ? sql`(exists (select 1 from liaison_groups g where g.id = m.group_id and g.township_id = ${q.townshipId})
            or exists (select 1 from member_villages mv join regions v on v.id = mv.region_id
              where mv.member_id = m.id and v.parent_id = ${q.townshipId}))`
        : sql`true`,
    ],
    sql` and `,
  );
}

/** One page of the directory, with the sectors and townships the filters offer. */
export async function listDirectory(db: DbOrTx, q: DirectoryQuery) {
  const termId = await currentTermId(db);
  const res = await db.execute(sql`select ${publicFields}, count(*) over()::int as total
    ${fromMembers(termId)} where ${filters(q)}
    order by s.sort_order nulls last, m.pinyin_full, m.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  const rows = res.rows as Array<Record<string, unknown> & { total: number }>;
  const facets = await db.execute(sql`select
    coalesce((select json_agg(json_build_object('id', s.id, 'name', s.name, 'parentId', s.parent_id) order by s.sort_order, s.id)
      from sectors s where s.term_id = ${termId}), '[]') as sectors,
    coalesce((select json_agg(json_build_object('id', r.id, 'name', r.name) order by r.code)
      from regions r where r.level = 'township'), '[]') as townships`);
  return {
    items: rows.map(({ total: _t, ...m }) => m),
    total: rows[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
    filters: facets.rows[0] as { sectors: unknown[]; townships: unknown[] },
  };
}

/** One active member's public page: the directory entry and their upcoming scheduled reception days. */
export async function loadDirectoryMember(db: DbOrTx, id: number, now: Date) {
  const termId = await currentTermId(db);
  const res = await db.execute(sql`select ${publicFields},
    coalesce((select json_agg(json_build_object('id', d.id, 'title', d.title, 'date', d.date::text, 'place', d.place,
      'regionName', r.name) order by d.date, d.id)
      from reception_day_members dm join reception_days d on d.id = dm.reception_day_id
      left join regions r on r.id = d.region_id
      where dm.member_id = m.id and d.status = 'scheduled' and d.date >= ${chinaDateOf(now)}), '[]') as "receptionDays"
    ${fromMembers(termId)} where m.id = ${id} and m.active`);
  const row = res.rows[0];
  if (!row) throw notFound();
  return row;
}

/** A village a QR code names (the citizen form shows it preset): its name and township, nothing else. */
export async function loadDirectoryVillage(db: DbOrTx, id: number) {
  const res = await db.execute(sql`select v.id, v.name, t.name as "townshipName" from regions v
    left join regions t on t.id = v.parent_id where v.id = ${id} and v.level = 'village'`);
  const row = res.rows[0];
  if (!row) throw notFound();
  return row;
}
