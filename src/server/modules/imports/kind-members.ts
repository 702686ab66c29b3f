// Member rows: matched on the member code; the sector is named within the current term, villages by division code.

import { eq, sql } from 'drizzle-orm';
import { EDUCATION, GENDER, POLITICAL_STATUS } from '../../../core/code-lists.js';
import { pinyinKeys } from '../../../core/search-keys.js';
import type { AuditEntry } from '../../audit.js';
import { members, memberTerms, memberVillages } from '../../db/schema.js';
import { COLUMNS } from './columns.js';
import { importMessage } from './messages.js';
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

/** The member fields a row sets, plus the current-term sector and (when given) the linked villages. */
export interface MemberValues {
  code: string;
  name: string;
  gender: string;
  politicalStatus: string;
  sectorId: number;
  birthYear?: number | null;
  ethnicity?: string;
  education?: string;
  workUnit?: string;
  post?: string;
  groupId?: number | null;
  isStandingCommittee?: boolean;
  phone?: string;
  email?: string;
  address?: string;
  publicPhone?: string;
  publishContact?: boolean;
  villageIds?: number[];
}

const COLUMN_OF = {
  birthYear: 'birthYear',
  groupId: 'group',
  isStandingCommittee: 'standing',
  sectorId: 'sector',
} as const;

async function loadLookups(p: PlanInput) {
  const term = (await p.db.execute(sql`select id from terms where is_current limit 1`)).rows[0] as
    | { id: number }
    | undefined;
  const sectors = term
    ? ((
        await p.db.execute(
          sql`select s.id, s.name, p.name as parent from sectors s left join sectors p on p.id = s.parent_id where s.term_id = ${term.id}`,
        )
      ).rows as any[])
    : [];
  const sectorIds = new Map<string, number[]>();
  for (const s of sectors) {
    for (const key of [s.name, s.parent ? `${s.parent}/${s.name}` : null])
      if (key) sectorIds.set(key, [...(sectorIds.get(key) ?? []), s.id]);
  }
  const groups = new Map(
    ((await p.db.execute(sql`select id, name from liaison_groups`)).rows as any[]).map((g) => [
      g.name as string,
      g.id as number,
    ]),
  );
  const regionRows = (await p.db.execute(sql`select id, code, level from regions`)).rows as any[];
  const regions = new Map(regionRows.map((r) => [r.code as string, { id: r.id as number, level: r.level as string }]));
  const stored = (
    await p.db.execute(sql`
      select m.*, mt.sector_id,
        coalesce((select array_agg(mv.region_id) from member_villages mv where mv.member_id = m.id), '{}') as village_ids
      from members m left join member_terms mt on mt.member_id = m.id and mt.term_id = ${term?.id ?? 0}`)
  ).rows as any[];
  const byCode = new Map(stored.map((m) => [m.code as string, toStored(m)]));
  return { termId: term?.id ?? null, sectorIds, groups, regions, byCode };
}

/** A stored member in the same shape as the planned values, so they compare field by field. */
function toStored(m: any) {
  return {
    id: m.id as number,
    code: m.code,
    name: m.name,
    gender: m.gender,
    politicalStatus: m.political_status,
    sectorId: m.sector_id,
    birthYear: m.birth_year,
    ethnicity: m.ethnicity,
    education: m.education,
    workUnit: m.work_unit,
    post: m.post,
    groupId: m.group_id,
    isStandingCommittee: m.is_standing_committee,
    phone: m.phone,
    email: m.email,
    address: m.address,
    publicPhone: m.public_phone,
    publishContact: m.publish_contact,
    villageIds: (m.village_ids as number[]).map(Number),
  };
}

/** Checks every member row against the registry of the current term. */
export async function planMembers(p: PlanInput): Promise<PlannedRow<MemberValues>[]> {
  const look = await loadLookups(p);
  if (look.termId === null) {
    p.issues.push({
      row: 0,
      column: '界别',
      code: 'no_current_term',
      message: importMessage('no_current_term', p.lang),
    });
    return [];
  }
  const seen = new SeenKeys();
  const out: PlannedRow<MemberValues>[] = [];
  for (const sheetRow of p.sheet.rows) {
    await p.tick();
    const r = new RowReader(sheetRow, COLUMNS.members, p.issues, p.lang);
    const before = p.issues.length;
    const code = r.text('code', 20).normalize('NFKC');
    const required = {
      code,
      name: r.text('name', 50),
      gender: r.code('gender', GENDER),
      politicalStatus: r.code('politicalStatus', POLITICAL_STATUS),
      sectorId: sectorOf(r, look.sectorIds),
    };
    const groupName = r.text('group', 50);
    const groupId = groupName ? (look.groups.get(groupName) ?? null) : null;
    if (groupName && groupId === null) r.fail('group', 'group_unknown', { value: groupName });
    const optional = onlyPresent(
      {
        birthYear: r.int('birthYear', 1900, p.now.getFullYear()),
        ethnicity: r.text('ethnicity', 20) || '汉族',
        education: r.code('education', EDUCATION),
        workUnit: r.text('workUnit', 100),
        post: r.text('post', 50),
        groupId,
        isStandingCommittee: r.bool('standing') ?? false,
        phone: r.phone('phone'),
        email: r.email('email'),
        address: r.text('address', 200),
        publicPhone: r.phone('publicPhone'),
        publishContact: r.bool('publishContact') ?? false,
      },
      (k) => r.has(k),
      COLUMN_OF,
    );
    const villageIds = villagesOf(r, look.regions);
    if (code) {
      const other = seen.check(code, r.row);
      if (other !== null) r.fail('code', 'duplicate_in_file', { other, key: code });
    }
    if (p.issues.length > before) continue;
    const existing = look.byCode.get(code);
    const values: MemberValues = {
      ...required,
      sectorId: required.sectorId!,
      ...optional,
      ...(villageIds ? { villageIds } : {}),
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

function sectorOf(r: RowReader, sectorIds: Map<string, number[]>): number | null {
  const name = r
    .text('sector', 50)
    .normalize('NFKC')
    .replace(/\s*\/\s*/g, '/');
  if (!name) return null;
  const ids = sectorIds.get(name) ?? [];
  if (ids.length > 1) r.fail('sector', 'sector_ambiguous', { value: name });
  else if (!ids.length) r.fail('sector', 'sector_unknown', { value: name });
  return ids.length === 1 ? ids[0] : null;
}

/** The villages named in the row, or undefined when the cell is empty (links stay as they are). */
function villagesOf(r: RowReader, regions: Map<string, { id: number; level: string }>): number[] | undefined {
  const codes = r.list('villageCodes');
  if (!codes.length) return undefined;
  const ids: number[] = [];
  for (const c of codes) {
    const region = regions.get(c);
    if (!/^\d{12}$/.test(c)) r.fail('villageCodes', 'region_code_invalid', { value: c });
    else if (!region) r.fail('villageCodes', 'village_unknown', { value: c });
    else if (region.level !== 'village') r.fail('villageCodes', 'not_village', { value: c });
    else ids.push(region.id);
  }
  return ids;
}

const withKeys = ({ sectorId, villageIds, ...fields }: MemberValues) => {
  const keys = pinyinKeys(fields.name);
  return { ...fields, pinyinInitials: keys.initials, pinyinFull: keys.full };
};

/** Writes the planned members (new ones in multi-row statements): the member, the current-term sector and, when given, the villages. */
export async function applyMembers(w: WriteInput, planned: PlannedRow<MemberValues>[], tick: () => void) {
  const [{ id: termId }] = (await w.tx.execute(sql`select id from terms where is_current limit 1`)).rows as any[];
  const audits: AuditEntry[] = [];
  const creates = planned.filter((p) => p.action === 'create');
  for (const part of chunks(creates, WRITE_CHUNK)) {
    await w.step(part[0].row, async () => {
      const rows = await w.tx
        .insert(members)
        .values(part.map((p) => withKeys(p.values)))
        .returning();
      const byCode = new Map(rows.map((r) => [r.code, r]));
      const villages: { memberId: number; regionId: number }[] = [];
      const sectors = part.map((p) => {
        const row = byCode.get(p.values.code)!;
        const villageIds = p.values.villageIds ?? [];
        for (const regionId of villageIds) villages.push({ memberId: row.id, regionId });
        audits.push({
          action: 'create',
          entity: 'member',
          entityId: row.id,
          after: { ...row, sectorId: p.values.sectorId, villageIds },
        });
        tick();
        return { memberId: row.id, termId, sectorId: p.values.sectorId };
      });
      await w.tx.insert(memberTerms).values(sectors);
      for (const v of chunks(villages, 1000)) await w.tx.insert(memberVillages).values(v);
    });
    await w.pause();
  }
  for (const p of planned) {
    if (p.action !== 'update') {
      if (p.action === 'unchanged') tick();
      continue;
    }
    await w.step(p.row, async () => {
      const { sectorId, villageIds } = p.values;
      const id = p.id!;
      const [row] = await w.tx
        .update(members)
        .set({ ...withKeys(p.values), updatedAt: new Date() })
        .where(eq(members.id, id))
        .returning();
      if (sectorId !== p.before!.sectorId) {
        await w.tx
          .insert(memberTerms)
          .values({ memberId: id, termId, sectorId })
          .onConflictDoUpdate({ target: [memberTerms.memberId, memberTerms.termId], set: { sectorId } });
      }
      if (villageIds && !sameSet(villageIds, p.before!.villageIds)) {
        await w.tx.delete(memberVillages).where(eq(memberVillages.memberId, id));
        if (villageIds.length)
          await w.tx.insert(memberVillages).values(villageIds.map((regionId) => ({ memberId: id, regionId })));
      }
      audits.push({
        action: 'update',
        entity: 'member',
        entityId: id,
        before: p.before,
        after: { ...row, sectorId, villageIds: villageIds ?? p.before!.villageIds },
      });
    });
    tick();
    await w.pause();
  }
  await writeAuditsPaced(w, audits);
  return { created: creates.length, updated: planned.filter((p) => p.action === 'update').length };
}
