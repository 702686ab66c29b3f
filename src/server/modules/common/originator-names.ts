// The names that identify the people who raised items (a citizen's own, a member's, a representative's): what the PII
// redaction of a public text must also hide. One join, shared by the tracking view and the public problem pages.
import { type SQL, sql } from 'drizzle-orm';

/** FROM/JOIN fragment over opinion_originators `oo` giving each of its names as `n.name` (empty ones included). */
export const originatorNameJoins = sql`left join members m on m.id = oo.member_id
  left join representatives r on r.id = oo.representative_id
  cross join lateral (values (oo.name), (m.name), (r.name)) n(name)`;

/** Condition keeping only real names. */
export const hasName: SQL = sql`coalesce(n.name, '') <> ''`;
