// Representative rules: scoped visibility, masked contacts for non-owners, duplicates (same name+phone) refused.
import { eq, type SQL, sql } from 'drizzle-orm';
import { pinyinKeys } from '../../../core/search-keys.js';
import { ageFromBirthYear } from '../../../core/working-year.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { memberRepresentatives, representatives } from '../../db/schema.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import { rethrowUnique } from '../common/crud.js';
import { presentPerson, searchableRows } from '../common/present-person.js';
import { canRecord, mayActForMember, representativesVisible } from '../common/scope.js';
import { searchCondition } from '../common/search.js';
import type { RepresentativeInput } from './schema.js';

const select = sql`
  select r.id, r.name, r.gender, r.birth_year as "birthYear", r.age, r.education, r.post, r.work_unit as "workUnit",
    r.political_status as "politicalStatus", r.address, r.phone, r.remarks, r.region_id as "regionId", v.name as "regionName",
    t.name as "townshipName", r.department_id as "departmentId", d.name as "departmentName",
    coalesce((select array_agg(mr.member_id order by mr.member_id) from member_representatives mr where mr.representative_id = r.id), '{}') as "memberIds",
    coalesce((select string_agg(m.name, '、' order by m.id) from member_representatives mr join members m on m.id = mr.member_id where mr.representative_id = r.id), '') as "memberNames"
  from representatives r
  left join regions v on v.id = r.region_id left join regions t on t.id = v.parent_id
  left join departments d on d.id = r.department_id`;

/** Whether the actor's member profile is linked to the representative (the owner relationship of the masking table). */
export const ownsRepresentative = (a: Actor, memberIds: number[] | null | undefined) =>
  a.memberId !== null && (memberIds ?? []).includes(a.memberId);

/** SQL condition on representatives (alias r) the actor owns: linked to their member profile. */
export function representativesOwned(a: Actor): SQL | null {
  return a.memberId
    ? sql`exists (select 1 from member_representatives o where o.representative_id = r.id and o.member_id = ${a.memberId})`
    : null;
}

/** Shapes a row for the actor: identity as the masking policy allows, and the actions they may take. */
export function presentRepresentative(a: Actor, r: any, now: Date) {
  const owner = ownsRepresentative(a, r.memberIds);
  const editable = hasRole(a, 'admin') || (canRecord(a) && owner) || (hasRole(a, 'group_leader') && a.groupId !== null);
  return {
    ...presentPerson(a, 'representative', r, { isOwner: owner }),
    age: r.age ?? (r.birthYear ? ageFromBirthYear(r.birthYear, now) : null),
    abilities: { canEdit: editable, canDelete: editable },
  };
}

/** Lists the representatives the actor may see. */
export async function listRepresentatives(db: DbOrTx, a: Actor, q: any, now: Date) {
  const where = sql.join(
    [
      representativesVisible(a),
      searchCondition(q.q, 'r', {
        phone: searchableRows(a, 'representative.phone', representativesOwned(a)),
        name: searchableRows(a, 'representative.name', representativesOwned(a)),
      }),
      q.memberId
        ? sql`exists (select 1 from member_representatives x where x.representative_id = r.id and x.member_id = ${q.memberId})`
        : sql`true`,
      q.regionId ? sql`r.region_id = ${q.regionId}` : sql`true`,
      q.departmentId ? sql`r.department_id = ${q.departmentId}` : sql`true`,
      q.townshipId ? sql`(v.parent_id = ${q.townshipId} or d.township_id = ${q.townshipId})` : sql`true`,
    ],
    sql` and `,
  );
  const res = await db.execute(
    sql`select x.*, count(*) over()::int as total from (${select} where ${where}) x order by x.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
  const rows = res.rows as any[];
  return {
    items: rows.map(({ total, ...r }) => presentRepresentative(a, r, now)),
    total: rows[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Loads one representative within the actor's scope, or 404. */
export async function loadRepresentative(db: DbOrTx, a: Actor, id: number) {
  const row = (await db.execute(sql`${select} where r.id = ${id} and ${representativesVisible(a)}`)).rows[0];
  if (!row) throw notFound();
  return row as any;
}

async function checkMembers(db: DbOrTx, a: Actor, memberIds: number[]) {
  if (!memberIds.length) return;
  const rows = (
    await db.execute(
      sql`select id, group_id from members where id in (${sql.join(
        memberIds.map((i) => sql`${i}`),
        sql`,`,
      )})`,
    )
  ).rows as any[];
  if (rows.length !== new Set(memberIds).size) throw fieldError('memberIds', 'member_missing');
  for (const m of rows) if (!mayActForMember(a, m.group_id, m.id)) throw new AppError('forbidden');
}

/** Creates a representative linked to members the actor may act for (a member links to themself by default). */
export async function createRepresentative(tx: DbOrTx, a: Actor, input: RepresentativeInput) {
  if (!canRecord(a)) throw new AppError('forbidden');
  const memberIds = input.memberIds.length ? input.memberIds : a.memberId ? [a.memberId] : [];
  await checkMembers(tx, a, memberIds);
  const { memberIds: _, ...fields } = input;
  const keys = pinyinKeys(fields.name);
  try {
    const [row] = await tx
      .insert(representatives)
      .values({ ...fields, pinyinInitials: keys.initials, pinyinFull: keys.full })
      .returning({ id: representatives.id });
    if (memberIds.length)
      await tx
        .insert(memberRepresentatives)
        .values(memberIds.map((memberId) => ({ memberId, representativeId: row.id })));
    return row.id;
  } catch (e) {
    rethrowUnique(e, 'duplicate_representative', { name: fields.name, phone: fields.phone });
  }
}

/** Updates a representative the actor owns (or any, for office staff); the member links are replaced when given. */
export async function updateRepresentative(tx: DbOrTx, a: Actor, id: number, input: Partial<RepresentativeInput>) {
  const before = await loadRepresentative(tx, a, id);
  if (!presentRepresentative(a, before, new Date()).abilities.canEdit) throw notFound();
  const { memberIds, ...fields } = input;
  const merged = { regionId: before.regionId, departmentId: before.departmentId, ...fields };
  if ((merged.regionId === null) === (merged.departmentId === null))
    throw fieldError('regionId', 'village_or_department');
  const keys = fields.name ? pinyinKeys(fields.name) : null;
  try {
    await tx
      .update(representatives)
      .set({
        ...fields,
        ...(keys ? { pinyinInitials: keys.initials, pinyinFull: keys.full } : {}),
        updatedAt: new Date(),
      })
      .where(eq(representatives.id, id));
  } catch (e) {
    rethrowUnique(e, 'duplicate_representative', {
      name: fields.name ?? before.name,
      phone: fields.phone ?? before.phone,
    });
  }
  if (memberIds) {
    await checkMembers(tx, a, memberIds);
    await tx.delete(memberRepresentatives).where(eq(memberRepresentatives.representativeId, id));
    if (memberIds.length)
      await tx.insert(memberRepresentatives).values(memberIds.map((memberId) => ({ memberId, representativeId: id })));
  }
  return before;
}

/** Deletes a representative unless an activity names them (then it must stay for the record). */
export async function deleteRepresentative(tx: DbOrTx, a: Actor, id: number) {
  const before = await loadRepresentative(tx, a, id);
  if (!presentRepresentative(a, before, new Date()).abilities.canDelete) throw notFound();
  const used = await tx.execute(sql`select 1 from activity_contacts where representative_id = ${id} limit 1`);
  if (used.rows.length) throw new AppError('in_use');
  await tx.delete(representatives).where(eq(representatives.id, id));
  return before;
}
