// How bench/data/teddy2020c.jsonl.gz was made (see README.md); run from a folder holding the xlsx files taken with
// git show from the commits named there: j_seg.xlsx (jesHrz 原始数据集分词结果), f3.xlsx (附件3), j_detail.xlsx (热点问题留言明细表).
import ExcelJS from 'exceljs';
export async function rows(f) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  const ws = wb.worksheets[0];
  const out = [];
  const head = ws.getRow(1).values;
  ws.eachRow((r, i) => {
    if (i === 1) return;
    const v = r.values;
    const o = {};
    head.forEach((h, j) => {
      if (h) {
        let x = v[j];
        if (x && typeof x === 'object' && x.richText) x = x.richText.map((t) => t.text).join('');
        if (x instanceof Date) x = x.toISOString();
        o[h] = x;
      }
    });
    if (o.留言编号 != null) out.push(o);
  });
  return out;
}

import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const clean = (s) =>
  String(s ?? '')
    .replace(/[\t\r]+/g, '')
    .replace(/\n+/g, '\n')
    .trim();
const out = [];
const cap = (s, n) => ([...s].length > n ? [...s].slice(0, n).join('') : s);
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile('j_seg.xlsx');
let i = 0;
wb.worksheets[0].eachRow((r) => {
  out.push({ set: 'label', n: i++, category: r.values[2], text: cap(String(r.values[1]).trim(), 360) });
});
const f3 = await rows('f3.xlsx');
const jd = await rows('j_detail.xlsx');
const group = new Map(jd.map((r) => [String(r.留言编号), Number(r.问题ID)]));
for (const r of f3) {
  const id = String(r.留言编号);
  const o = {
    set: 'problem',
    id: Number(id),
    user: String(r.留言用户),
    title: clean(r.留言主题),
    time: String(r.留言时间),
    text: cap(clean(r.留言详情), 600),
  };
  if (group.has(id)) o.hotGroup = group.get(id);
  out.push(o);
}
const buf = gzipSync(`${out.map((o) => JSON.stringify(o)).join('\n')}\n`, { level: 9 });
writeFileSync('teddy2020c.jsonl.gz', buf);
console.log(out.length, buf.length, out.filter((o) => o.hotGroup).length);
