// 述职 report: a Word document generated from the member's record for the year (activities by month, villages,
// items and outcomes, bulletins, proposals, reception days, score lines), for 述职评议. The record is read and worded
// here; the document is built on the render pool (adapters/renderers/assessment-report-docx.ts).
import { sql } from 'drizzle-orm';
import { OPINION_STATUSES } from '../../../core/opinions/index.js';
import { renderDocument } from '../../adapters/renderers/index.js';
import type { Actor } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { memberDetail } from './views.js';

const statusLabel = (s: string) => OPINION_STATUSES.find((x) => x.code === s)?.label ?? s;
const PROPOSAL_STATUS: Record<string, string> = {
  draft: '草稿',
  cosigning: '征集联名',
  submitted: '已提交',
  registered: '已立案',
  not_registered: '不予立案',
  converted: '转为意见',
  assigned: '已交办',
  replied: '已答复',
  rated: '已评价',
};

async function facts(db: DbOrTx, year: number, memberId: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const q = async (s: ReturnType<typeof sql>) => (await db.execute(s)).rows as any[];
  return {
    months: await q(sql`select extract(month from a.date)::int as m, count(*)::int as n from activities a
      join activity_members am on am.activity_id = a.id where am.member_id = ${memberId}
      and a.date between ${from}::date and ${to}::date group by 1 order by 1`),
    villages:
      await q(sql`select r.name, count(*)::int as n from activities a join activity_members am on am.activity_id = a.id
      join regions r on r.id = a.region_id and r.level = 'village' where am.member_id = ${memberId}
      and a.date between ${from}::date and ${to}::date group by r.name order by 2 desc, 1`),
    items: await q(sql`select distinct o.id, case when o.confidentiality = 'confidential'
        then coalesce(nullif(o.redacted_title, ''), '—') else o.title end as title, o.status, ((o.received_at at time zone 'UTC') + interval '8 hours')::date::text as d
      from opinion_originators oo join opinions o on o.id = oo.opinion_id where oo.member_id = ${memberId}
      and ((o.received_at at time zone 'UTC') + interval '8 hours')::date between ${from}::date and ${to}::date order by d, o.id`),
    outcomes:
      await q(sql`select distinct b.title, b.year, b.number, bo.kind, bo.level, bo.date::text as d, bo.leader_name
      from bulletin_outcomes bo join bulletins b on b.id = bo.bulletin_id join bulletin_items bi on bi.bulletin_id = b.id
      join opinion_originators oo on oo.opinion_id = bi.opinion_id where oo.member_id = ${memberId}
      and bo.date between ${from}::date and ${to}::date order by d`),
    proposals: await q(sql`select p.title, p.status, p.proposer_member_id = ${memberId} as own from proposals p
      where p.year = ${year} and (p.proposer_member_id = ${memberId} or exists (select 1 from proposal_cosigners c
      where c.proposal_id = p.id and c.member_id = ${memberId} and c.status = 'accepted')) order by p.id`),
    receptions: await q(sql`select rd.date::text as d, rd.title, rd.place from reception_days rd
      join reception_day_members x on x.reception_day_id = rd.id where x.member_id = ${memberId}
      and rd.status = 'held' and rd.date between ${from}::date and ${to}::date order by rd.date`),
  };
}

const LEVEL: Record<string, string> = { county: '县政协', city: '市政协', province: '省政协', national: '全国政协' };

/** Builds the .docx for one member and year (same scope as the member page). */
export async function memberReport(
  db: DbOrTx,
  a: Actor,
  year: number,
  memberId: number,
): Promise<{ name: string; buffer: Buffer }> {
  const detail = await memberDetail(db, a, year, memberId);
  if (!detail) throw notFound();
  const f = await facts(db, year, memberId);
  const m = detail.member;
  const buffer = await renderDocument({
    kind: 'assessment-report',
    format: 'docx',
    data: {
      year,
      member: { name: m.name, code: m.code, sectorName: m.sectorName, groupName: m.groupName },
      schemeName: detail.year.schemeName,
      fullMarks: detail.year.fullMarks,
      total: detail.total,
      months: f.months.map((r) => [`${r.m}月`, r.n]),
      villages: f.villages.map((r) => [r.name, r.n]),
      items: f.items.map((r) => [r.d, r.title, statusLabel(r.status)]),
      outcomes: f.outcomes.map((r) => [
        r.d,
        r.number ? `${r.year}年第${r.number}期` : '',
        r.title,
        r.kind === 'adoption' ? `${LEVEL[r.level] ?? ''}采用` : `${r.leader_name}批示`,
      ]),
      proposals: f.proposals.map((r) => [r.title, r.own ? '提案人' : '联名', PROPOSAL_STATUS[r.status] ?? r.status]),
      receptions: f.receptions.map((r) => [r.d, r.title, r.place]),
      lines: detail.lines.map((l) => [l.name, l.units, l.points]),
    },
  });
  return { name: `${m.name}-${year}年度述职报告.docx`, buffer };
}
