// The first pass that refuses a far-too-big sheet: its count survives any chunking, ignores rows without values, and
// a 50,000-row file is refused before one shared string or row is parsed.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { COLUMNS, headerText } from './columns.js';
import { countValueRows } from './count-rows.js';
import { sheetXlsx } from './hostile-xlsx.test-helper.js';
import { MAX_ROWS } from './limits.js';
import { type ReadStats, readSheet, SheetError } from './read-sheet.js';

const XML =
  '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2" spans="1:3"/>' +
  '<row r="3"><c r="A3"><f>A1</f><v></v></c></row><x:row r="4"><x:c t="inlineStr"><x:is><x:t>甲</x:t></x:is></x:c></x:row>' +
  '<row r="5"><c r="B5" s="2"/></row><row r="6"><c r="A6"><v>42</v></c><c r="B6"><rPr><vertAlign val="x"/></rPr></c></row>' +
  '</sheetData></worksheet>';

const chunked = (s: string, size: number) =>
  Readable.from(Array.from({ length: Math.ceil(s.length / size) }, (_, i) => s.slice(i * size, (i + 1) * size)));

describe('countValueRows', () => {
  it('counts rows holding a value (shared, inline, number), not empty or styled-only rows, across any chunking', async () => {
    expect(await countValueRows(Readable.from([XML]), 100)).toBe(3);
    for (const size of [1, 2, 3, 5, 7, 11, 64]) expect(await countValueRows(chunked(XML, size), 100)).toBe(3);
  });

  it('stops as soon as the count passes the limit', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `<row r="${i + 1}"><c><v>${i}</v></c></row>`).join('');
    expect(await countValueRows(chunked(`<sheetData>${rows}</sheetData>`, 40), 10)).toBe(11);
  });
});

describe('readSheet on an oversized file', () => {
  it('refuses 50,000 rows with the row-limit message before parsing any row or shared string', async () => {
    const headers = COLUMNS.representatives.map(headerText);
    function* rows() {
      for (let i = 0; i < 50_000; i++) yield headers.map((_, c) => (c < 3 ? `值${i}` : ''));
    }
    const stats: ReadStats = { sharedStrings: 0, rows: 0 };
    const err = await readSheet(sheetXlsx(headers, rows()), 'representatives', 'zh', stats).catch((e) => e);
    expect(err).toBeInstanceOf(SheetError);
    expect(err.kind).toBe('too_large');
    expect(err.issues[0].code).toBe('too_many_rows');
    expect(err.issues[0].message).toContain(MAX_ROWS.toLocaleString('en-US'));
    expect(stats).toEqual({ sharedStrings: 0, rows: 0 });
  });

  it('still reads a file at the limit whole (the first pass leaves a margin)', async () => {
    const headers = COLUMNS.representatives.map(headerText);
    function* rows() {
      for (let i = 0; i < MAX_ROWS; i++) yield headers.map((_, c) => (c < 3 ? `值${i}` : ''));
    }
    const stats: ReadStats = { sharedStrings: 0, rows: 0 };
    const sheet = await readSheet(sheetXlsx(headers, rows()), 'representatives', 'zh', stats);
    expect(sheet.rows).toHaveLength(MAX_ROWS);
    expect(stats.rows).toBe(MAX_ROWS + 1);
  });
});
