// Member registry rules: the sector is kept per term, villages are links, contact details are private unless published.
import { eq, type SQL, sql } from 'drizzle-orm';
import { pinyinKeys } from '../../../core/search-keys.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { members, memberTerms, memberVillages } from '../../db/schema.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import { rethrowUnique } from '../common/crud.js';
import { presentPerson, searchableRows, seesInFull } from '../common/present-person.js';
import { searchCondition } from '../common/search.js';
import { currentTermId } from '../sectors/service.js';
import type { MemberInput } from './schema.js';

/** The owner relationship of the masking table for a member's record: the member themself and their group leader. */
function ownsMember(a: Actor, m: { id: number; groupId: number | null }) {
  return a.memberId === m.id || (hasRole(a, 'group_leader') && a.groupId !== null && a.groupId === m.groupId);
}

/** SQL condition on members (alias m) the actor owns, for search. */
function membersOwned(a: Actor): SQL | null {
  const parts: SQL[] = [];
  if (a.memberId) parts.push(sql`m.id = ${a.memberId}`);
  if (hasRole(a, 'group_leader') && a.groupId) parts.push(sql`m.group_id = ${a.groupId}`);
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : null;
}

/** Shapes a member row for an actor: private details as the masking policy allows, published contacts always shown. */
export function presentMember(a: Actor, m: any) {
  const rel = { isOwner: ownsMember(a, m) };
  return {
    ...presentPerson(a, 'member', m, rel),
    // The published channel is public when the member chose to publish it (篇七), else as private as the phone.
    publicPhone: m.publishContact || seesInFull(a, 'member.phone', rel) ? m.publicPhone : '',
    abilities: {
      canEdit: hasRole(a, 'admin'),
      canRecord: hasRole(a, 'admin') || a.memberId === m.id || (hasRole(a, 'group_leader') && a.groupId === m.groupId),
    },
  };
}

const memberSelect = (termId: number) => sql`
  select m.id, m.code, m.name, m.gender, m.birth_year as "birthYear", m.ethnicity, m.political_status as "politicalStatus",
    m.education, m.work_unit as "workUnit", m.post, m.group_id as "groupId", g.name as "groupName",
    m.is_standing_committee as "isStandingCommittee", m.phone, m.email, m.address, m.public_phone as "publicPhone",
    m.publish_contact as "publishContact", m.active, mt.sector_id as "sectorId", s.name as "sectorName",
    (select count(*)::int from member_representatives mr where mr.member_id = m.id) as "representativeCount",
    (select count(*)::int from member_villages mv where mv.member_id = m.id) as "villageCount"
  from members m
  left join liaison_groups g on g.id = m.group_id
  left join member_terms mt on mt.member_id = m.id and mt.term_id = ${termId}
  left join sectors s on s.id = mt.sector_id`;

/** Lists members with filters and search; the directory is visible to every signed-in user. */
export async function listMembers(
  db: DbOrTx,
  a: Actor,
  q: { page: number; pageSize: number; q?: string; groupId?: number; sectorId?: number; villageId?: number },
) {
  const termId = await currentTermId(db);
  const where = sql.join(
    [
      searchCondition(q.q, 'm', {
        phone: searchableRows(a, 'member.phone', membersOwned(a)),
        name: searchableRows(a, 'member.name', membersOwned(a)),
      }),
      q.groupId ? sql`m.group_id = ${q.groupId}` : sql`true`,
      q.sectorId ? sql`(mt.sector_id = ${q.sectorId} or s.parent_id = ${q.sectorId})` : sql`true`,
      q.villageId
        ? sql`exists (select 1 from member_villages v where v.member_id = m.id and v.region_id = ${q.villageId})`
        : sql`true`,
    ],
    sql` and `,
  );
  const res =
    await db.execute(sql`select x.*, count(*) over()::int as total from (${memberSelect(termId)} where ${where}) x
    order by x.code limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  const rows = res.rows as any[];
  return {
    items: rows.map(({ total, ...m }) => presentMember(a, m)),
    total: rows[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** One member with the linked villages. */
export async function getMember(db: DbOrTx, a: Actor, id: number) {
  const termId = await currentTermId(db);
  const row = (await db.execute(sql`${memberSelect(termId)} where m.id = ${id}`)).rows[0] as any;
  if (!row) throw notFound();
  const villages = await db.execute(sql`
    select r.id, r.name, r.code, p.name as "townshipName",
      (select max(a.date)::text from activities a join activity_members am on am.activity_id = a.id where am.member_id = ${id} and a.region_id = r.id) as "lastVisit"
    from member_villages mv join regions r on r.id = mv.region_id left join regions p on p.id = r.parent_id where mv.member_id = ${id} order by r.code`);
  const terms = await db.execute(
    sql`select t.id as "termId", t.name as "termName", s.name as "sectorName" from member_terms mt join terms t on t.id = mt.term_id join sectors s on s.id = mt.sector_id where mt.member_id = ${id} order by t.number`,
  );
  return { ...presentMember(a, row), villages: villages.rows, sectorHistory: terms.rows };
}

async function assertVillages(db: DbOrTx, ids: number[]) {
  if (!ids.length) return;
  const ok = await db.execute(
    sql`select count(*)::int as n from regions where level = 'village' and id in ${sql`(${sql.join(
      ids.map((i) => sql`${i}`),
      sql`,`,
    )})`}`,
  );
  if ((ok.rows[0] as any).n !== new Set(ids).size) throw fieldError('villageIds', 'village_missing');
}

/** Creates or updates a member, their current-term sector and their village links, in the caller's transaction. */
export async function saveMember(tx: DbOrTx, input: Partial<MemberInput>, id?: number) {
  const { sectorId, villageIds, ...fields } = input;
  const keys = fields.name ? pinyinKeys(fields.name) : null;
  const values = { ...fields, ...(keys ? { pinyinInitials: keys.initials, pinyinFull: keys.full } : {}) };
  let memberId = id;
  try {
    if (memberId) {
      const [u] = await tx
        .update(members)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(members.id, memberId))
        .returning({ id: members.id });
      if (!u) throw notFound();
    } else {
      const [c] = await tx
        .insert(members)
        .values(values as any)
        .returning({ id: members.id });
      memberId = c.id;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    rethrowUnique(e);
  }
  if (sectorId) {
    const termId = await currentTermId(tx);
    const ok = await tx.execute(sql`select 1 from sectors where id = ${sectorId} and term_id = ${termId}`);
    if (!ok.rows.length) throw fieldError('sectorId', 'sector_not_current');
    await tx
      .insert(memberTerms)
      .values({ memberId: memberId!, termId, sectorId })
      .onConflictDoUpdate({ target: [memberTerms.memberId, memberTerms.termId], set: { sectorId } });
  }
  if (villageIds) {
    await assertVillages(tx, villageIds);
    await tx.delete(memberVillages).where(eq(memberVillages.memberId, memberId!));
    if (villageIds.length)
      await tx
        .insert(memberVillages)
        .values([...new Set(villageIds)].map((regionId) => ({ memberId: memberId!, regionId })));
  }
  return memberId!;
}
