// Region rows: matched on the 12-digit code; a village's township must exist or come earlier in the same file.

import { eq } from 'drizzle-orm';
import { pinyinKeys } from '../../../core/search-keys.js';
import type { AuditEntry } from '../../audit.js';
import { regions } from '../../db/schema.js';
import { COLUMNS } from './columns.js';
import {
  decide,
  onlyPresent,
  type PlanInput,
  type PlannedRow,
  SeenKeys,
  type WriteInput,
  writeAuditsPaced,
} from './plan.js';
import { RowReader } from './row-reader.js';

type Level = 'township' | 'village';
type Stored = typeof regions.$inferSelect;

/** What a region row asks for; the parent is named by code and resolved to an id when writing. */
export interface RegionValues {
  code: string;
  name: string;
  level: Level;
  parentCode: string | null;
  contactName?: string;
  contactPhone?: string;
}

const LEVELS: Record<string, Level> = {
  '乡镇/街道': 'township',
  乡镇街道: 'township',
  '乡镇(街道)': 'township',
  乡镇: 'township',
  街道: 'township',
  乡: 'township',
  镇: 'township',
  township: 'township',
  '村/社区': 'village',
  村社区: 'village',
  '村(社区)': 'village',
  村: 'village',
  社区: 'village',
  居委会: 'village',
  村委会: 'village',
  village: 'village',
};

/** Checks every region row against the registry and the rows above it. */
export async function planRegions(p: PlanInput): Promise<PlannedRow<RegionValues>[]> {
  const stored = await p.db.select().from(regions);
  const byCode = new Map(stored.map((r) => [r.code, r]));
  const codeOf = new Map(stored.map((r) => [r.id, r.code]));
  const inFile = new Map<string, Level>();
  const seen = new SeenKeys();
  const out: PlannedRow<RegionValues>[] = [];
  for (const sheetRow of p.sheet.rows) {
    await p.tick();
    const r = new RowReader(sheetRow, COLUMNS.regions, p.issues, p.lang);
    const before = p.issues.length;
    const code = r.regionCode('code');
    const name = r.text('name', 50);
    const existing = byCode.get(code);
    const level = resolveLevel(r, existing, code);
    const parentCode = resolveParent(r, existing, codeOf, level, byCode, inFile);
    const contactName = r.text('contactName', 50);
    const contactPhone = r.phone('contactPhone');
    if (code) {
      const other = seen.check(code, r.row);
      if (other !== null) r.fail('code', 'duplicate_in_file', { other, key: code });
    }
    if (existing && level && existing.level !== level) r.fail('level', 'level_change');
    if (p.issues.length > before || !level) continue;
    inFile.set(code, level);
    const values = {
      code,
      name,
      level,
      parentCode,
      ...onlyPresent({ contactName, contactPhone }, (k) => r.has(k), {}),
    };
    const current = existing
      ? { ...existing, parentCode: existing.parentId ? (codeOf.get(existing.parentId) ?? null) : null }
      : undefined;
    out.push({
      row: r.row,
      action: decide(current, values),
      id: existing?.id ?? null,
      values,
      before: existing ?? null,
    });
  }
  return out;
}

function resolveLevel(r: RowReader, existing: Stored | undefined, code: string): Level | null {
  const text = r.has('level') ? r.text('level').normalize('NFKC').replace(/\s/g, '') : '';
  if (text) {
    const level = LEVELS[text] ?? LEVELS[text.toLowerCase()];
    if (!level) r.fail('level', 'level_unknown');
    return level ?? null;
  }
  if (existing) return existing.level as Level;
  if (r.sheetRow.cells.parentCode) return 'village';
  if (/^\d{9}000$/.test(code)) return 'township';
  if (code) r.fail('level', 'level_unknowable');
  return null;
}

function resolveParent(
  r: RowReader,
  existing: Stored | undefined,
  codeOf: Map<number, string>,
  level: Level | null,
  byCode: Map<string, Stored>,
  inFile: Map<string, Level>,
): string | null {
  if (!r.has('parentCode')) return existing?.parentId ? (codeOf.get(existing.parentId) ?? null) : null;
  const parent = r.regionCode('parentCode');
  if (level === 'township') {
    if (parent) r.fail('parentCode', 'township_no_parent');
    return null;
  }
  if (level !== 'village') return null;
  if (!parent) {
    r.fail('parentCode', 'village_needs_parent');
    return null;
  }
  if (!/^\d{12}$/.test(parent)) return null;
  const parentLevel = inFile.get(parent) ?? byCode.get(parent)?.level;
  if (!parentLevel) r.fail('parentCode', 'parent_unknown', { value: parent });
  else if (parentLevel !== 'township') r.fail('parentCode', 'parent_not_township', { value: parent });
  return parent;
}

/** Writes the planned regions in file order, so a township created above is there for its villages. */
export async function applyRegions(w: WriteInput, planned: PlannedRow<RegionValues>[], tick: () => void) {
  const idOf = new Map(
    (await w.tx.select({ id: regions.id, code: regions.code }).from(regions)).map((r) => [r.code, r.id]),
  );
  const counts = { created: 0, updated: 0 };
  const audits: AuditEntry[] = [];
  for (const p of planned) {
    tick();
    await w.pause();
    if (p.action === 'unchanged') continue;
    await w.step(p.row, async () => {
      const { parentCode, ...v } = p.values;
      const fields = {
        ...v,
        parentId: parentCode ? (idOf.get(parentCode) ?? null) : null,
        pinyinInitials: pinyinKeys(v.name).initials,
        pinyinFull: pinyinKeys(v.name).full,
      };
      if (p.action === 'create') {
        const [row] = await w.tx.insert(regions).values(fields).returning();
        idOf.set(row.code, row.id);
        audits.push({ action: 'create', entity: 'region', entityId: row.id, after: row });
        counts.created++;
      } else {
        const [row] = await w.tx
          .update(regions)
          .set({ ...fields, updatedAt: new Date() })
          .where(eq(regions.id, p.id!))
          .returning();
        audits.push({ action: 'update', entity: 'region', entityId: row.id, before: p.before, after: row });
        counts.updated++;
      }
    });
  }
  await writeAuditsPaced(w, audits);
  return counts;
}
