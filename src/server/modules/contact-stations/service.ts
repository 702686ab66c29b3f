// Contact stations (委员联络站, issue 13): places in a township or village where members receive people, each with a
// QR code that opens the citizen form addressed to the station. The office manages every station; a township's
// information officer those of their own township; leaders read them; anyone else is told nothing (404).
// The public list shows only published, active stations and of their members only the names: never a phone.
import { type SQL, sql } from 'drizzle-orm';
import { writeAudit } from '../../audit.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { fieldError, notFound } from '../../errors.js';
import type { StationInput, StationListQuery, StationPatch } from './schema.js';

/** The stations the actor may read, as SQL over `s` joined to its region `r`; null when none at all. */
export function stationsVisible(a: Actor): SQL | null {
  if (hasRole(a, 'admin', 'leader')) return sql`true`;
  if (hasRole(a, 'info_officer') && a.townshipId !== null)
    return sql`(r.id = ${a.townshipId} or r.parent_id = ${a.townshipId})`;
  return null;
}

/** True when the actor may create or change stations in the township `townshipId`. */
export function mayEditIn(a: Actor, townshipId: number): boolean {
  if (hasRole(a, 'admin')) return true;
  return hasRole(a, 'info_officer') && a.townshipId === townshipId;
}

/** True when the actor may create stations at all (the list offers the button). */
export const mayCreate = (a: Actor) => hasRole(a, 'admin') || (hasRole(a, 'info_officer') && a.townshipId !== null);

const membersOf = (activeOnly: boolean) => sql`coalesce((select json_agg(json_build_object('id', m.id, 'name', m.name)
    order by m.pinyin_full, m.id) from contact_station_members sm join members m on m.id = sm.member_id
    where sm.station_id = s.id ${activeOnly ? sql`and m.active` : sql``}), '[]')`;

const staffFields = sql`s.id, s.name, s.region_id as "regionId", r.name as "regionName", r.level as "regionLevel",
  coalesce(t.id, r.id) as "townshipId", coalesce(t.name, r.name) as "townshipName", s.address,
  s.open_hours as "openHours", s.published, s.active, s.updated_at as "updatedAt", ${membersOf(false)} as members,
  (select count(*)::int from opinions o where o.contact_station_id = s.id) as "itemCount"`;
const fromStations = sql`from contact_stations s join regions r on r.id = s.region_id
  left join regions t on t.id = r.parent_id`;

type StationRow = Record<string, unknown> & { id: number; townshipId: number };

const withAbilities = (a: Actor, row: StationRow) => ({
  ...row,
  abilities: { canEdit: mayEditIn(a, row.townshipId), canPrint: mayEditIn(a, row.townshipId) },
});

/** The office's list of the stations the actor may see. */
export async function listStations(db: DbOrTx, a: Actor, q: StationListQuery) {
  const scope = stationsVisible(a);
  if (!scope) throw notFound();
  const where = sql.join(
    [
      scope,
      q.regionId ? sql`(r.id = ${q.regionId} or r.parent_id = ${q.regionId})` : sql`true`,
      q.q ? sql`s.name ilike ${`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : sql`true`,
    ],
    sql` and `,
  );
  const res = await db.execute(sql`select ${staffFields} ${fromStations} where ${where}
    order by coalesce(t.code, r.code), r.code, s.name, s.id`);
  return { items: (res.rows as StationRow[]).map((r) => withAbilities(a, r)), abilities: { canCreate: mayCreate(a) } };
}

/** One station the actor may see (404 otherwise). */
export async function loadStation(db: DbOrTx, a: Actor, id: number) {
  const scope = stationsVisible(a);
  if (!scope) throw notFound();
  const res = await db.execute(sql`select ${staffFields} ${fromStations} where s.id = ${id} and ${scope}`);
  const row = res.rows[0] as StationRow | undefined;
  if (!row) throw notFound();
  return withAbilities(a, row);
}

/** The township of a township or village id; a 400 on regionId when there is none. */
async function townshipOf(db: DbOrTx, regionId: number): Promise<number> {
  const res = await db.execute(sql`select case when level = 'township' then id else parent_id end as "townshipId"
    from regions where id = ${regionId}`);
  const row = res.rows[0] as { townshipId: number | null } | undefined;
  if (!row?.townshipId) throw fieldError('regionId', 'station_region');
  return row.townshipId;
}

/** Refuses member ids that are not active members (400 on memberIds). */
async function checkMembers(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return;
  const res = await db.execute(
    sql`select count(*)::int as n from members where active and id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  if ((res.rows[0] as { n: number }).n !== ids.length) throw fieldError('memberIds', 'member_missing');
}

async function setMembers(tx: DbOrTx, id: number, ids: number[]) {
  await tx.execute(sql`delete from contact_station_members where station_id = ${id}`);
  if (ids.length)
    await tx.execute(
      sql`insert into contact_station_members (station_id, member_id) values ${sql.join(
        ids.map((m) => sql`(${id}, ${m})`),
        sql`, `,
      )}`,
    );
}

/** Creates a station with its members and the audit row, in the caller's transaction. */
export async function createStation(tx: DbOrTx, a: Actor, input: StationInput, now: Date, ip: string) {
  if (!mayCreate(a)) throw notFound();
  const township = await townshipOf(tx, input.regionId);
  // A place outside the officer's township is as unknown to them as a station there.
  if (!mayEditIn(a, township)) throw notFound();
  await checkMembers(tx, input.memberIds);
  const at = now.toISOString();
  const ins = await tx.execute(sql`insert into contact_stations (name, region_id, address, open_hours, published,
      active, created_at, updated_at)
    values (${input.name}, ${input.regionId}, ${input.address}, ${input.openHours}, ${input.published}, ${input.active},
      ${at}::timestamptz, ${at}::timestamptz) returning id`);
  const id = (ins.rows[0] as { id: number }).id;
  await setMembers(tx, id, input.memberIds);
  await writeAudit(tx, a, { action: 'create', entity: 'contact_station', entityId: id, after: input }, ip);
  return id;
}

/** Changes a station the actor may edit (404 when they may not even see it, or may only read it). */
export async function updateStation(tx: DbOrTx, a: Actor, id: number, patch: StationPatch, now: Date, ip: string) {
  const scope = stationsVisible(a);
  if (!scope) throw notFound();
  const res =
    await tx.execute(sql`select s.id, s.name, s.region_id as "regionId", s.address, s.open_hours as "openHours",
      s.published, s.active, coalesce(t.id, r.id) as "townshipId",
      coalesce((select json_agg(sm.member_id order by sm.member_id) from contact_station_members sm
        where sm.station_id = s.id), '[]') as "memberIds"
    ${fromStations} where s.id = ${id} and ${scope} for update of s`);
  const before = res.rows[0] as (StationRow & { memberIds: number[] }) | undefined;
  if (!before || !mayEditIn(a, before.townshipId)) throw notFound();
  if (patch.regionId !== undefined && !mayEditIn(a, await townshipOf(tx, patch.regionId))) throw notFound();
  if (patch.memberIds) await checkMembers(tx, patch.memberIds);
  const set: SQL[] = [sql`updated_at = ${now.toISOString()}::timestamptz`];
  if (patch.name !== undefined) set.push(sql`name = ${patch.name}`);
  if (patch.regionId !== undefined) set.push(sql`region_id = ${patch.regionId}`);
  if (patch.address !== undefined) set.push(sql`address = ${patch.address}`);
  if (patch.openHours !== undefined) set.push(sql`open_hours = ${patch.openHours}`);
  if (patch.published !== undefined) set.push(sql`published = ${patch.published}`);
  if (patch.active !== undefined) set.push(sql`active = ${patch.active}`);
  await tx.execute(sql`update contact_stations set ${sql.join(set, sql`, `)} where id = ${id}`);
  if (patch.memberIds) await setMembers(tx, id, patch.memberIds);
  const { townshipId: _t, ...image } = before;
  await writeAudit(
    tx,
    a,
    { action: 'update', entity: 'contact_station', entityId: id, before: image, after: { ...image, ...patch } },
    ip,
  );
}

/**
 * The public list: published, active stations of a township (its villages included) or a village, or all; of each
 * member only the id and name of active members. The selected columns are the whole answer: nothing else can leak.
 */
export async function listPublicStations(db: DbOrTx, regionId: number | undefined) {
  const res = await db.execute(sql`select s.id, s.name, s.region_id as "regionId", r.name as "regionName",
      coalesce(t.id, r.id) as "townshipId", coalesce(t.name, r.name) as "townshipName", s.address,
      s.open_hours as "openHours", ${membersOf(true)} as members
    ${fromStations}
    where s.published and s.active ${regionId ? sql`and (r.id = ${regionId} or r.parent_id = ${regionId})` : sql``}
    order by coalesce(t.code, r.code), r.code, s.name, s.id`);
  return { items: res.rows };
}
