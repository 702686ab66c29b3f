// The redacted copy of a confidential item: what a department receives instead of the original. A forward of a
// confidential item may carry the copy's fields, and is refused (400) while the copy has no title or text.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { AppError, fieldError } from '../../errors.js';
import type { Lang } from '../../i18n/messages.js';
import { translateIssue } from '../../i18n/zod-issues.js';

/** The redacted copy's fields, as the tier endpoint and a forward may carry them (absent: unchanged). */
export const redactionFields = {
  redactedTitle: z.string().trim().max(200).optional(),
  redactedContent: z.string().trim().max(20_000).optional(),
  redactionNote: z.string().trim().max(2000).optional(),
};

/** The redaction fields a forward may carry besides core's payload. */
export type RedactionInput = { redactedTitle?: string; redactedContent?: string; redactionNote?: string };

/** Splits the redaction fields off a forward's body (core refuses unknown keys); other actions keep theirs. */
export function splitRedaction<B extends { action: string } & Record<string, unknown>>(
  body: B,
  lang: Lang,
): { body: B; redaction: RedactionInput | null } {
  if (body.action !== 'forward') return { body, redaction: null };
  const { redactedTitle, redactedContent, redactionNote, ...rest } = body;
  const parsed = z.strictObject(redactionFields).safeParse({ redactedTitle, redactedContent, redactionNote });
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({
      path: i.path.map(String).join('.'),
      message: translateIssue(i, lang),
    }));
    throw new AppError('validation_failed', {}, details);
  }
  const r = parsed.data;
  const any = r.redactedTitle !== undefined || r.redactedContent !== undefined || r.redactionNote !== undefined;
  return { body: rest as B, redaction: any ? r : null };
}

/** Writes the given redaction fields of a confidential item (a forward's copy); ignored on other tiers. */
export async function storeRedaction(tx: Tx, id: number, r: RedactionInput): Promise<void> {
  await tx.execute(sql`update opinions set
      redacted_title = coalesce(${r.redactedTitle ?? null}::text, redacted_title),
      redacted_content = coalesce(${r.redactedContent ?? null}::text, redacted_content),
      redaction_note = coalesce(${r.redactionNote ?? null}::text, redaction_note)
    where id = ${id} and confidentiality = 'confidential'`);
}

/** Before a confidential item goes to a department: the redacted title and text exist, else a clear 400. */
export async function assertRedactionReady(tx: Tx, id: number): Promise<void> {
  const res = await tx.execute(sql`select confidentiality, coalesce(redacted_title, '') as t,
      coalesce(redacted_content, '') as c from opinions where id = ${id}`);
  const r = res.rows[0] as { confidentiality: string; t: string; c: string } | undefined;
  if (r?.confidentiality !== 'confidential') return;
  if (!r.t.trim()) throw fieldError('redactedTitle', 'redaction_required');
  if (!r.c.trim()) throw fieldError('redactedContent', 'redaction_required');
}
