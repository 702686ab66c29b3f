// Typed access to one spreadsheet row: each getter checks its cell and records a row/column problem instead of throwing.
import { z } from 'zod';
import { type CodeList, codeOf } from '../../../core/code-lists.js';
import { normalizePhone } from '../../../core/phone.js';
import type { Lang } from '../../i18n/messages.js';
import { type ColumnSpec, LIST_SEPARATORS } from './columns.js';
import { MAX_LISTED } from './limits.js';
import { type ImportIssueCode, importMessage } from './messages.js';
import type { ImportIssue, SheetRow } from './read-sheet.js';

const emailSchema = z.email();

/** Reads the cells of one row for the row planners; problems go to the shared issue list. */
export class RowReader {
  private readonly specs: Map<string, ColumnSpec>;
  /** Columns already reported as too long: one problem per cell, so an overlong value is never echoed. */
  private readonly tooLong = new Set<string>();
  constructor(
    readonly sheetRow: SheetRow,
    specs: ColumnSpec[],
    private readonly issues: ImportIssue[],
    private readonly lang: Lang,
  ) {
    this.specs = new Map(specs.map((c) => [c.key, c]));
  }

  /** The Excel row number, for messages. */
  get row() {
    return this.sheetRow.row;
  }

  /** Whether the file has this column at all (an absent optional column leaves the stored value alone). */
  has(key: string): boolean {
    return key in this.sheetRow.cells;
  }

  /** Records a problem on a column of this row. */
  fail(key: string, code: ImportIssueCode, params: Record<string, unknown> = {}): void {
    if (this.tooLong.has(key)) return;
    if (code === 'too_long') this.tooLong.add(key);
    const column = this.specs.get(key)?.header ?? key;
    // Only the first MAX_LISTED problems are shown: the others are counted without building their messages.
    const message = this.issues.length < MAX_LISTED ? importMessage(code, this.lang, { column, ...params }) : '';
    this.issues.push({ row: this.row, column, code, message });
  }

  /** The trimmed text of a cell ('' when empty or absent); checks required and maximum length. */
  text(key: string, max = 200): string {
    const v = (this.sheetRow.cells[key] ?? '').replace(/\s+/g, ' ').trim();
    if (!v && this.specs.get(key)?.required) this.fail(key, 'required');
    else if (this.sheetRow.overlong?.includes(key) || Array.from(v).length > max) this.fail(key, 'too_long', { max });
    return v;
  }

  /** A code from a national list, given as code, label or common short form; '' when empty. */
  code<const T extends CodeList>(key: string, list: T): T[number]['code'] | '' {
    const v = this.text(key).normalize('NFKC');
    if (!v) return '';
    const c = codeOf(list, v);
    if (c === undefined) this.fail(key, 'code_unknown', { value: v, allowed: list.map((i) => i.label).join('、') });
    return c ?? '';
  }

  /** A whole number within bounds, or null when empty. */
  int(key: string, min: number, max: number): number | null {
    const v = this.text(key).normalize('NFKC');
    if (!v) return null;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      this.fail(key, 'int_invalid', { min, max });
      return null;
    }
    return n;
  }

  /** 是/否 (also Y/N, 1/0, true/false), or null when empty. */
  bool(key: string): boolean | null {
    const v = this.text(key).normalize('NFKC').toLowerCase();
    if (!v) return null;
    if (['是', 'y', 'yes', '1', 'true', '√'].includes(v)) return true;
    if (['否', 'n', 'no', '0', 'false', '×'].includes(v)) return false;
    this.fail(key, 'yes_no');
    return null;
  }

  /** A phone number in its canonical stored form, or '' when empty. */
  phone(key: string): string {
    const v = this.text(key, 40);
    if (!v) return '';
    const p = normalizePhone(v);
    if (!p) this.fail(key, 'phone_invalid', { value: v });
    return p ?? '';
  }

  /** An email address, or '' when empty. */
  email(key: string): string {
    const v = this.text(key, 100);
    if (v && !emailSchema.safeParse(v).success) this.fail(key, 'email_invalid', { value: v });
    return v;
  }

  /** A 12-digit division code, or '' when empty. */
  regionCode(key: string): string {
    const v = this.text(key, 40).normalize('NFKC');
    if (v && !/^\d{12}$/.test(v)) this.fail(key, 'region_code_invalid', { value: v });
    return v;
  }

  /** Several values in one cell, split on 、 , ; or spaces; duplicates dropped. */
  list(key: string): string[] {
    const v = this.text(key, 2000).normalize('NFKC');
    return [...new Set(v.split(LIST_SEPARATORS).filter(Boolean))];
  }
}
