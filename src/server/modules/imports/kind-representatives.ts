// Representative rows: matched on name + phone; each belongs to exactly one village or one township department.

import { eq, sql } from 'drizzle-orm';
import { EDUCATION, GENDER, POLITICAL_STATUS } from '../../../core/code-lists.js';
import { pinyinKeys } from '../../../core/search-keys.js';
import type { AuditEntry } from '../../audit.js';
import { memberRepresentatives, representatives } from '../../db/schema.js';
import { COLUMNS } from './columns.js';
import {
  chunks,
  decide,
  onlyPresent,
  type PlanInput,
  type PlannedRow,
  SeenKeys,
  sameSet,
  WRITE_CHUNK,
  type WriteInput,
  writeAuditsPaced,
} from './plan.js';
import { RowReader } from './row-reader.js';

/** The representative fields a row sets, plus (when given) the linked members. */
export interface RepresentativeValues {
  name: string;
  gender: string;
  phone: string;
  regionId?: number | null;
  departmentId?: number | null;
  birthYear?: number | null;
  age?: number | null;
  education?: string;
  politicalStatus?: string;
  post?: string;
  workUnit?: string;
  address?: string;
  remarks?: string;
  memberIds?: number[];
}

const keyOf = (name: string, phone: string) => `${name}\u0001${phone}`;

async function loadLookups(p: PlanInput) {
  const regionRows = (await p.db.execute(sql`select id, code, level from regions`)).rows as any[];
  const regions = new Map(regionRows.map((r) => [r.code as string, { id: r.id as number, level: r.level as string }]));
  const deptRows = (
    await p.db.execute(
      sql`select d.id, d.name, t.name as township from departments d left join regions t on t.id = d.township_id`,
    )
  ).rows as any[];
  const departments = new Map<string, number[]>();
  for (const d of deptRows) {
    for (const key of [d.name, d.township ? `${d.township}/${d.name}` : null])
      if (key) departments.set(key, [...(departments.get(key) ?? []), d.id]);
  }
  const memberRows = (await p.db.execute(sql`select id, code from members`)).rows as any[];
  const members = new Map(memberRows.map((m) => [m.code as string, m.id as number]));
  const stored = (
    await p.db.execute(sql`
      select r.*, coalesce((select array_agg(mr.member_id) from member_representatives mr where mr.representative_id = r.id), '{}') as member_ids
      from representatives r`)
  ).rows as any[];
  const byKey = new Map(stored.map((r) => [keyOf(r.name, r.phone), toStored(r)]));
  return { regions, departments, members, byKey };
}

function toStored(r: any) {
  return {
    id: r.id as number,
    name: r.name,
    gender: r.gender,
    phone: r.phone,
    regionId: r.region_id,
    departmentId: r.department_id,
    birthYear: r.birth_year,
    age: r.age,
    education: r.education,
    politicalStatus: r.political_status,
    post: r.post,
    workUnit: r.work_unit,
    address: r.address,
    remarks: r.remarks,
    memberIds: (r.member_ids as number[]).map(Number),
  };
}

/** Checks every representative row against the registry. */
export async function planRepresentatives(p: PlanInput): Promise<PlannedRow<RepresentativeValues>[]> {
  const look = await loadLookups(p);
  const seen = new SeenKeys();
  const out: PlannedRow<RepresentativeValues>[] = [];
  for (const sheetRow of p.sheet.rows) {
    await p.tick();
    const r = new RowReader(sheetRow, COLUMNS.representatives, p.issues, p.lang);
    const before = p.issues.length;
    const name = r.text('name', 50);
    const gender = r.code('gender', GENDER);
    const phone = r.phone('phone');
    const existing = name && phone ? look.byKey.get(keyOf(name, phone)) : undefined;
    const place = placeOf(r, look, existing);
    const optional = onlyPresent(
      {
        birthYear: r.int('birthYear', 1900, p.now.getFullYear()),
        age: r.int('age', 0, 120),
        education: r.code('education', EDUCATION),
        politicalStatus: r.code('politicalStatus', POLITICAL_STATUS) || '13',
        post: r.text('post', 50),
        workUnit: r.text('workUnit', 100),
        address: r.text('address', 200),
        remarks: r.text('remarks', 500),
      },
      (k) => r.has(k),
      {},
    );
    const memberIds = membersOf(r, look.members);
    if (name && phone) {
      const other = seen.check(keyOf(name, phone), r.row);
      if (other !== null) r.fail('phone', 'duplicate_in_file', { other, key: `${name} ${phone}` });
    }
    if (p.issues.length > before) continue;
    const values: RepresentativeValues = {
      name,
      gender,
      phone,
      ...place,
      ...optional,
      ...(memberIds ? { memberIds } : {}),
    };
    out.push({
      row: r.row,
      action: decide(existing, values as any),
      id: existing?.id ?? null,
      values,
      before: existing ?? null,
    });
  }
  return out;
}

type Lookups = Awaited<ReturnType<typeof loadLookups>>;

/** The village or department of the row; both columns absent keeps a stored representative's place. */
function placeOf(r: RowReader, look: Lookups, existing: { regionId: number | null } | undefined) {
  if (!r.has('regionCode') && !r.has('department')) {
    if (!existing) r.fail('regionCode', 'place_one_of');
    return {};
  }
  const code = r.has('regionCode') ? r.regionCode('regionCode') : '';
  const dept = r.has('department')
    ? r
        .text('department', 100)
        .normalize('NFKC')
        .replace(/\s*\/\s*/g, '/')
    : '';
  if (!code === !dept) {
    r.fail(code ? 'department' : 'regionCode', 'place_one_of');
    return {};
  }
  if (code) {
    const region = look.regions.get(code);
    if (!/^\d{12}$/.test(code)) return {};
    if (!region) r.fail('regionCode', 'village_unknown', { value: code });
    else if (region.level !== 'village') r.fail('regionCode', 'not_village', { value: code });
    return { regionId: region?.id ?? null, departmentId: null };
  }
  const ids = look.departments.get(dept) ?? [];
  if (ids.length > 1) r.fail('department', 'department_ambiguous', { value: dept });
  else if (!ids.length) r.fail('department', 'department_unknown', { value: dept });
  return { regionId: null, departmentId: ids[0] ?? null };
}

/** The members named in the row, or undefined when the cell is empty (links stay as they are). */
function membersOf(r: RowReader, members: Map<string, number>): number[] | undefined {
  const codes = r.list('memberCodes');
  if (!codes.length) return undefined;
  const ids: number[] = [];
  for (const c of codes) {
    const id = members.get(c);
    if (id === undefined) r.fail('memberCodes', 'member_unknown', { value: c });
    else ids.push(id);
  }
  return ids;
}

const withKeys = ({ memberIds, ...fields }: RepresentativeValues) => {
  const keys = pinyinKeys(fields.name);
  return { ...fields, pinyinInitials: keys.initials, pinyinFull: keys.full };
};

/** Writes the planned representatives (new ones in multi-row statements) and, when given, replaces their member links. */
export async function applyRepresentatives(
  w: WriteInput,
  planned: PlannedRow<RepresentativeValues>[],
  tick: () => void,
) {
  const audits: AuditEntry[] = [];
  const creates = planned.filter((p) => p.action === 'create');
  for (const part of chunks(creates, WRITE_CHUNK)) {
    await w.step(part[0].row, async () => {
      const rows = await w.tx
        .insert(representatives)
        .values(part.map((p) => withKeys(p.values)))
        .returning();
      const byKey = new Map(rows.map((r) => [keyOf(r.name, r.phone), r]));
      const links: { memberId: number; representativeId: number }[] = [];
      for (const p of part) {
        const row = byKey.get(keyOf(p.values.name, p.values.phone))!;
        const memberIds = p.values.memberIds ?? [];
        for (const memberId of memberIds) links.push({ memberId, representativeId: row.id });
        audits.push({ action: 'create', entity: 'representative', entityId: row.id, after: { ...row, memberIds } });
        tick();
      }
      for (const l of chunks(links, 1000)) await w.tx.insert(memberRepresentatives).values(l);
    });
    await w.pause();
  }
  for (const p of planned) {
    if (p.action !== 'update') {
      if (p.action === 'unchanged') tick();
      continue;
    }
    await w.step(p.row, async () => {
      const { memberIds } = p.values;
      const [row] = await w.tx
        .update(representatives)
        .set({ ...withKeys(p.values), updatedAt: new Date() })
        .where(eq(representatives.id, p.id!))
        .returning();
      if (memberIds && !sameSet(memberIds, p.before!.memberIds)) {
        await w.tx.delete(memberRepresentatives).where(eq(memberRepresentatives.representativeId, row.id));
        if (memberIds.length)
          await w.tx
            .insert(memberRepresentatives)
            .values(memberIds.map((memberId) => ({ memberId, representativeId: row.id })));
      }
      audits.push({
        action: 'update',
        entity: 'representative',
        entityId: row.id,
        before: p.before,
        after: { ...row, memberIds: memberIds ?? p.before!.memberIds },
      });
    });
    tick();
    await w.pause();
  }
  await writeAuditsPaced(w, audits);
  return { created: creates.length, updated: planned.filter((p) => p.action === 'update').length };
}
