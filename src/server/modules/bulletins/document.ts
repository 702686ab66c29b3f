// The Word/PDF download of one bulletin: loads what the page prints and hands it to the renderers.
import { sql } from 'drizzle-orm';
import { chinaDateOf } from '../../../core/calendar/index.js';
import type { BulletinDocData } from '../../adapters/renderers/bulletin-layout.js';
import { renderDocument } from '../../adapters/renderers/render-pool.js';
import type { Actor } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { assertReadsBulletin } from './read.js';
import { loadBulletinSettings } from './settings.js';

/** Content types of the two formats. */
export const BULLETIN_CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** Renders one bulletin for staff, leaders and credited members (404 for others): the file bytes and its Chinese file name. */
export async function bulletinDocument(db: DbOrTx, a: Actor, id: number, format: 'docx' | 'pdf', now: Date) {
  await assertReadsBulletin(db, a, id);
  const res = await db.execute(sql`select year, number, title, body, distribution, issue_date::text as "issueDate"
    from bulletins where id = ${id}`);
  const b = res.rows[0] as
    | {
        year: number;
        number: number | null;
        title: string;
        body: string;
        distribution: string;
        issueDate: string | null;
      }
    | undefined;
  if (!b) throw notFound();
  const { unit } = await loadBulletinSettings(db);
  const data: BulletinDocData = { ...b, unit, date: b.issueDate ?? chinaDateOf(now) };
  // Rendered on the worker pool: a long bulletin's PDF would otherwise stall every other request.
  const bytes = await renderDocument({ kind: 'bulletin', format, data });
  const name = `社情民意${b.year}年第${b.number ?? '（未编号）'}期-${b.title.slice(0, 30)}.${format}`;
  return { bytes, name };
}
