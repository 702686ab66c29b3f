// The published answers (公开答复): items whose citizen agreed to publication (publish_consent), of normal
// confidentiality, answered (replied directly, feedback sent, rated or closed) with a non-empty public reply. Every
// text goes through redactPii with the names, phones and e-mail addresses of the item's originators (and of the items
// merged into it), so no originator, phone, ID number or address reaches the page.
import { sql } from 'drizzle-orm';
import type { OpinionStatus } from '../../../core/opinions/index.js';
import { redactPii } from '../../../core/text/pii.js';
import type { DbOrTx } from '../../db/client.js';
import { ANSWERS_PAGE_SIZE, type AnswersQuery } from './schema.js';

/** The statuses in which the office's answer has gone to the citizen (core/opinions lifecycle). */
export const ANSWERED_STATUSES = [
  'replied_directly',
  'feedback_sent',
  'rated',
  'closed',
] as const satisfies readonly OpinionStatus[];

const statusList = sql.join(
  ANSWERED_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

/** One published answer as the public sees it. */
export interface PublicAnswer {
  id: number;
  title: string;
  content: string;
  reply: string;
  regionName: string;
  categoryName: string;
  departmentName: string;
  receivedAt: string;
  closedAt: string | null;
}

/** GET /public/answers: a page of published answers, newest first, and how many there are. */
export async function listPublicAnswers(
  db: DbOrTx,
  q: AnswersQuery,
): Promise<{ items: PublicAnswer[]; total: number }> {
  const where = sql`o.publish_consent and o.confidentiality = 'normal' and o.status in (${statusList})
    and btrim(o.public_reply) <> ''
    ${q.regionId ? sql`and (o.region_id = ${q.regionId} or o.region_id in (select id from regions where parent_id = ${q.regionId}))` : sql``}
    ${q.categoryId ? sql`and (o.category_id = ${q.categoryId} or o.category_id in (select id from opinion_categories where parent_id = ${q.categoryId}))` : sql``}`;
  const offset = (q.page - 1) * ANSWERS_PAGE_SIZE;
  const [count, page] = await Promise.all([
    db.execute(sql`select count(*)::int as n from opinions o where ${where}`),
    db.execute(sql`select o.id, o.title, o.content, o.public_reply as reply,
        concat_ws(' ', t.name, r.name) as "regionName", coalesce(c.name, '') as "categoryName",
        coalesce(d.name, '') as "departmentName", o.received_at as "receivedAt",
        coalesce(o.closed_at, (select max(e.at) from opinion_events e where e.opinion_id = o.id
          and e.type in ('send_feedback', 'reply_directly'))) as "closedAt",
        (select coalesce(array_agg(distinct x.v), '{}') from opinion_originators p
           left join members m on m.id = p.member_id
           left join representatives rp on rp.id = p.representative_id
           left join users u on u.id = p.user_id
           cross join lateral (values (p.name), (p.phone), (p.email), (m.name), (rp.name), (u.display_name)) x(v)
         where p.opinion_id in (select o.id union all select s.id from opinions s where s.merged_into_id = o.id)
           and coalesce(x.v, '') <> '') as names
      from opinions o
      left join regions r on r.id = o.region_id
      left join regions t on t.id = r.parent_id
      left join opinion_categories c on c.id = o.category_id
      left join departments d on d.id = o.lead_department_id
      where ${where}
      order by coalesce(o.closed_at, o.updated_at) desc, o.id desc
      limit ${ANSWERS_PAGE_SIZE} offset ${offset}`),
  ]);
  const items = (page.rows as unknown as (PublicAnswer & { names: string[] })[]).map(({ names, ...row }) => {
    const opts = { names };
    return {
      ...row,
      title: redactPii(row.title, opts),
      content: redactPii(row.content, opts),
      reply: redactPii(row.reply, opts),
      receivedAt: new Date(row.receivedAt).toISOString(),
      closedAt: row.closedAt ? new Date(row.closedAt).toISOString() : null,
    };
  });
  return { items, total: (count.rows[0] as { n: number }).n };
}
