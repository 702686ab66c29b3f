// Personal data in an item's own text, shown highlighted to the staff who read the original (the public and
// department-facing copies remove it instead): spans from core/text/pii.ts with the originators' names.
import { findPii, type PiiSpan } from '../../../core/text/pii.js';

/** The spans of the title and content, or null for a viewer who reads the redacted copy (nothing original to mark). */
export function piiSpansFor(row: {
  isRedacted: boolean;
  title: string;
  content: string;
  originators: { name?: string | null; memberName?: string | null; representativeName?: string | null }[];
}): { title: PiiSpan[]; content: PiiSpan[] } | null {
  if (row.isRedacted) return null;
  const names = row.originators
    .flatMap((p) => [p.name, p.memberName, p.representativeName])
    .filter((n): n is string => typeof n === 'string' && n.trim() !== '');
  return { title: findPii(row.title ?? '', { names }), content: findPii(row.content ?? '', { names }) };
}
