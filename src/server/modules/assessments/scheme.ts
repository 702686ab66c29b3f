// A year's scheme and rule table: read, replace (admin), copy from another year, and close (freeze) the year.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../audit.js';
import type { Actor } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { findYear, loadYear, lockOpenYear, requireManager, requireReader } from './access.js';
import { liveDetails, roster } from './compute.js';
import { recordEvent } from './events.js';
import { loadRules } from './rules-repo.js';
import type { schemeBody } from './schema.js';

type SchemeInput = z.infer<typeof schemeBody>;

/** Years that have a scheme, newest first. */
export async function listYears(db: DbOrTx, a: Actor) {
  requireReader(a);
  const rows = (
    await db.execute(sql`select y.year, y.scheme_name, y.full_marks, y.status,
      (select count(*)::int from assessment_rules r where r.year = y.year) as rule_count
      from assessment_years y order by y.year desc`)
  ).rows as any[];
  return {
    items: rows.map((r) => ({
      year: Number(r.year),
      schemeName: r.scheme_name,
      fullMarks: Number(r.full_marks),
      status: r.status,
      ruleCount: Number(r.rule_count),
    })),
  };
}

/** The year's scheme with its rules and abilities. */
export async function getScheme(db: DbOrTx, a: Actor, year: number) {
  requireReader(a);
  const y = await loadYear(db, year);
  const canEdit = a.roles.includes('admin') && y.status === 'open';
  return { ...y, rules: await loadRules(db, year), abilities: { canEdit, canClose: canEdit } };
}

/** Creates or replaces a year's scheme: rules with an id are updated, new ones inserted, missing ones removed. */
export async function putScheme(tx: DbOrTx, a: Actor, year: number, body: SchemeInput, ip: string) {
  requireManager(a);
  const before = await findYear(tx, year);
  if (before) await lockOpenYear(tx, year);
  const oldRules = before ? await loadRules(tx, year) : [];
  await tx.execute(sql`insert into assessment_years (year, scheme_name, full_marks, base_score, talk_threshold)
    values (${year}, ${body.schemeName}, ${body.fullMarks}, ${body.baseScore}, ${body.talkThreshold})
    on conflict (year) do update set scheme_name = excluded.scheme_name, full_marks = excluded.full_marks,
      base_score = excluded.base_score, talk_threshold = excluded.talk_threshold, updated_at = now()`);
  const keep = new Set(body.rules.filter((r) => r.id).map((r) => r.id!));
  for (const id of keep) if (!oldRules.some((r) => r.id === id)) throw new AppError('not_found');
  const removed = oldRules.filter((r) => !keep.has(r.id));
  if (removed.length) {
    const ids = sql.join(
      removed.map((r) => sql`${r.id}`),
      sql`, `,
    );
    await tx.execute(sql`delete from assessment_rules where year = ${year} and id in (${ids})`);
  }
  // Park the kept names so swapping two names inside one save never hits the unique index.
  await tx.execute(sql`update assessment_rules set name = '~' || id::text where year = ${year}`);
  for (const [i, r] of body.rules.entries()) {
    if (r.id)
      await tx.execute(sql`update assessment_rules set sort_order = ${i}, name = ${r.name}, source = ${r.source},
        points = ${r.points}, cap = ${r.cap}, is_deduction = ${r.isDeduction}, note = ${r.note} where id = ${r.id}`);
    else
      await tx.execute(sql`insert into assessment_rules (year, sort_order, name, source, points, cap, is_deduction, note)
        values (${year}, ${i}, ${r.name}, ${r.source}, ${r.points}, ${r.cap}, ${r.isDeduction}, ${r.note})`);
  }
  const after = { ...body, rules: await loadRules(tx, year) };
  await writeAudit(
    tx,
    a,
    {
      action: before ? 'update' : 'create',
      entity: 'assessment_scheme',
      entityId: year,
      before: before && { ...before, rules: oldRules },
      after,
    },
    ip,
  );
  await recordEvent(tx, a, 'assessment_year', year, before ? 'scheme_updated' : 'scheme_created', {
    rules: after.rules.length,
  });
  return getScheme(tx, a, year);
}

/** Replaces a year's scheme by a copy of another year's (name, marks, threshold and every rule). */
export async function copyScheme(tx: DbOrTx, a: Actor, year: number, fromYear: number, ip: string) {
  requireManager(a);
  const src = await loadYear(tx, fromYear);
  const rules = await loadRules(tx, fromYear);
  const current = await findYear(tx, year);
  const keep = current ? await loadRules(tx, year) : [];
  return putScheme(
    tx,
    a,
    year,
    {
      schemeName: src.schemeName.replace(String(fromYear), String(year)),
      fullMarks: src.fullMarks,
      baseScore: src.baseScore,
      talkThreshold: src.talkThreshold,
      rules: rules.map((r) => ({
        id: keep.find((k) => k.name === r.name)?.id,
        name: r.name,
        source: r.source,
        points: r.points,
        cap: r.cap,
        isDeduction: r.isDeduction,
        note: r.note,
      })),
    },
    ip,
  );
}

/** Closes a year: writes every member's lines and evidence to the snapshot and freezes the year. */
export async function closeYear(tx: DbOrTx, a: Actor, year: number, ip: string) {
  requireManager(a);
  const y = await lockOpenYear(tx, year);
  const details = await liveDetails(tx, y, null);
  const people = await roster(tx);
  await tx.execute(sql`delete from assessment_snapshots where year = ${year}`);
  const rows = people.map((m) => {
    const s = details.get(m.memberId)!;
    return sql`(${year}, ${m.memberId}, ${s.total}, ${JSON.stringify({ ...m, lines: s.lines })}::jsonb)`;
  });
  for (let i = 0; i < rows.length; i += 200)
    await tx.execute(
      sql`insert into assessment_snapshots (year, member_id, total, detail) values ${sql.join(rows.slice(i, i + 200), sql`, `)}`,
    );
  await tx.execute(
    sql`update assessment_years set status = 'closed', closed_at = now(), closed_by = ${a.userId}, updated_at = now() where year = ${year}`,
  );
  await writeAudit(
    tx,
    a,
    { action: 'close', entity: 'assessment_year', entityId: year, after: { members: rows.length } },
    ip,
  );
  await recordEvent(tx, a, 'assessment_year', year, 'closed', { members: rows.length });
  return { year, status: 'closed' as const, members: rows.length };
}
