// How many items and people a problem stands for, shared by the staff and the public pages so they cannot drift.
// An item merged into another counts as that other item (its originators moved there), so merged items count once;
// people are distinct originators (a member, a representative, an account, a citizen by phone or else e-mail).
// Public counts leave out every item whose confidentiality is not 'normal'.
import { type SQL, sql } from 'drizzle-orm';

/** The ids of the items a problem stands for (merged items resolved to their target), optionally public ones only. */
export function rootItems(problemId: SQL | number, publicOnly: boolean): SQL {
  const normal = publicOnly ? sql`and o.confidentiality = 'normal'` : sql``;
  const rootNormal = publicOnly ? sql`and r.confidentiality = 'normal'` : sql``;
  return sql`(select r.id from opinions r where r.id in (select coalesce(o.merged_into_id, o.id)
    from problem_items pi join opinions o on o.id = pi.opinion_id where pi.problem_id = ${problemId} ${normal}) ${rootNormal})`;
}

/** One key per person among originators (alias oo). */
export const personKey = sql`case when oo.member_id is not null then 'm' || oo.member_id
  when oo.representative_id is not null then 'r' || oo.representative_id
  when oo.user_id is not null then 'u' || oo.user_id
  when regexp_replace(oo.phone, '\\D', '', 'g') <> ''
    then 'p' || regexp_replace(regexp_replace(oo.phone, '\\D', '', 'g'), '^86(1[0-9]{10})$', '\\1')
  when oo.email <> '' then 'e' || lower(oo.email)
  else 'o' || oo.id end`;

/** itemCount and peopleCount of the problem (alias p) as two select-list columns. */
export function countColumns(publicOnly: boolean): SQL {
  const roots = rootItems(sql`p.id`, publicOnly);
  return sql`(select count(*)::int from ${roots} x) as "itemCount",
    (select count(distinct ${personKey})::int from opinion_originators oo where oo.opinion_id in ${roots}) as "peopleCount"`;
}

/** countsByVillage and countsByChannel of the problem (alias p) as two JSON select-list columns. */
export function breakdownColumns(publicOnly: boolean): SQL {
  const roots = rootItems(sql`p.id`, publicOnly);
  return sql`coalesce((select json_agg(json_build_object('regionId', v.id, 'name', v.name, 'count', v.n) order by v.n desc, v.id)
      from (select g.id, g.name, count(*)::int as n from opinions o join regions g on g.id = o.region_id
        where o.id in ${roots} group by g.id, g.name) v), '[]') as "countsByVillage",
    coalesce((select json_agg(json_build_object('channel', c.channel, 'count', c.n) order by c.n desc, c.channel)
      from (select o.channel, count(*)::int as n from opinions o where o.id in ${roots} group by o.channel) c), '[]')
      as "countsByChannel"`;
}
