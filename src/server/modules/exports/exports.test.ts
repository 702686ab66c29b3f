import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { buildActivity } from '../../db/seed/factories.js';

let t: TestApp;
let w: World;
const clients: Record<string, Awaited<ReturnType<typeof login>>> = {};
const USERS = ['admin', 'leader1', 'member1', 'member2', 'grouplead', 'officer1'] as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  // groupA's record: m3 later in the year, m1 earlier, one outside the period, and a groupB-only activity.
  await buildActivity(t.db, {
    memberIds: [w.m3.id],
    representativeIds: [w.rep3.id],
    date: '2026-06-10',
    opinions: '希望加强农技培训。',
    handling: '已转农业办',
  });
  await buildActivity(t.db, {
    memberIds: [w.m1.id, w.m2.id],
    regionId: w.villA1.id,
    date: '2026-01-15',
    methods: ['talk', 'other'],
    methodOther: '微信群',
    opinions: '村口路灯不亮。',
  });
  await buildActivity(t.db, { memberIds: [w.m1.id], date: '2025-12-30', opinions: '去年的意见' });
  for (const u of USERS) clients[u] = await login(t.app, u);
});
afterAll(() => t.close());

/** All cell texts of every sheet, joined, so tests can look for what a user would read. */
async function xlsxText(buf: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as any);
  const out: string[] = [];
  const text = (v: ExcelJS.CellValue): string =>
    v == null ? '' : typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : String(v);
  // Merged cells repeat their master; read each master once (exceljs's .text throws on an empty merged master).
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => c.master === c && out.push(text(c.value)))));
  return out.join('\n');
}
const fileName = (res: { headers: Record<string, unknown> }) => {
  const m = /filename\*=UTF-8''([^;]+)/.exec(String(res.headers['content-disposition']));
  return m ? decodeURIComponent(m[1]) : null;
};

describe('exports: who may download what (role × endpoint)', () => {
  const table: Array<[string, () => string, Record<(typeof USERS)[number], number>]> = [
    [
      'own registration',
      () => `/api/v1/exports/registration?memberId=${w.m1.id}`,
      { admin: 200, leader1: 200, member1: 200, member2: 404, grouplead: 200, officer1: 404 },
    ],
    [
      'other group registration',
      () => `/api/v1/exports/registration?memberId=${w.m2.id}`,
      { admin: 200, leader1: 200, member1: 404, member2: 200, grouplead: 404, officer1: 404 },
    ],
    [
      'record card in group A',
      () => `/api/v1/exports/record-card?activityId=${w.act1.id}`,
      { admin: 200, leader1: 200, member1: 200, member2: 404, grouplead: 200, officer1: 404 },
    ],
    [
      'record card in township B',
      () => `/api/v1/exports/record-card?activityId=${w.act2.id}`,
      { admin: 200, leader1: 200, member1: 404, member2: 200, grouplead: 404, officer1: 200 },
    ],
    [
      'blank record card',
      () => '/api/v1/exports/record-card?format=pdf',
      { admin: 200, leader1: 200, member1: 200, member2: 200, grouplead: 200, officer1: 200 },
    ],
    [
      'summary of group A',
      () => `/api/v1/exports/summary?groupId=${w.groupA.id}`,
      { admin: 200, leader1: 200, member1: 404, member2: 404, grouplead: 200, officer1: 404 },
    ],
    [
      'summary of group B',
      () => `/api/v1/exports/summary?groupId=${w.groupB.id}&format=pdf`,
      { admin: 200, leader1: 200, member1: 404, member2: 404, grouplead: 404, officer1: 404 },
    ],
  ];
  for (const [what, url, expected] of table) {
    it(what, async () => {
      for (const u of USERS) {
        const res = await clients[u].get(url());
        expect({ u, status: res.statusCode }).toEqual({ u, status: expected[u] });
        if (res.statusCode === 200) {
          const isPdf = url().includes('format=pdf');
          expect(res.headers['content-type']).toBe(isPdf ? 'application/pdf' : XLSX);
          expect(res.headers['content-disposition']).toMatch(/^attachment; /);
        } else expect(res.json().code).toBe('not_found');
      }
    });
  }

  it('requires sign-in, validates the query, and answers 404 for missing records', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/exports/record-card' })).statusCode).toBe(401);
    const admin = clients.admin;
    expect((await admin.get('/api/v1/exports/registration')).statusCode).toBe(400);
    expect((await admin.get(`/api/v1/exports/registration?memberId=${w.m1.id}&format=doc`)).statusCode).toBe(400);
    expect((await admin.get('/api/v1/exports/registration?memberId=999999')).statusCode).toBe(404);
    expect((await admin.get('/api/v1/exports/record-card?activityId=999999')).statusCode).toBe(404);
    expect((await admin.get('/api/v1/exports/summary?groupId=999999')).statusCode).toBe(404);
    const backwards = await admin.get(`/api/v1/exports/summary?groupId=${w.groupA.id}&from=2026-12-31&to=2026-01-01`);
    expect(backwards.statusCode).toBe(400);
  });
});

describe('exports: what the files contain', () => {
  it('registration xlsx lists the member’s representatives with labels, full details for the owner', async () => {
    const res = await clients.member1.get(`/api/v1/exports/registration?memberId=${w.m1.id}&format=xlsx`);
    expect(fileName(res)).toBe('政协委员联系群众名单登记表-张三.xlsx');
    const text = await xlsxText(res.rawPayload);
    for (const s of [
      '政协委员联系群众名单登记表',
      '张三',
      '农业',
      '递铺联络组',
      '赵大',
      '女',
      '群众',
      '古城村1组18号',
      '13800000001',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('钱二');
  });

  it('registration masks contact details for a group leader who does not own the representative', async () => {
    const res = await clients.grouplead.get(`/api/v1/exports/registration?memberId=${w.m1.id}`);
    const text = await xlsxText(res.rawPayload);
    expect(text).toContain('138****0001');
    expect(text).not.toContain('13800000001');
  });

  it('registration pdf is a PDF', async () => {
    const res = await clients.admin.get(`/api/v1/exports/registration?memberId=${w.m1.id}&format=pdf`);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(fileName(res)).toBe('政协委员联系群众名单登记表-张三.pdf');
  });

  it('record card xlsx carries the activity: date, members, contacts, ticked method, opinions', async () => {
    const res = await clients.member1.get(`/api/v1/exports/record-card?activityId=${w.act1.id}`);
    expect(fileName(res)).toBe('政协委员联系群众代表活动记录卡-2026-04-02.xlsx');
    const text = await xlsxText(res.rawPayload);
    for (const s of [
      '2026 年 4 月 2 日',
      '古城村',
      '张三',
      '安吉县农业农村局',
      '赵大',
      '13800000001',
      '走访☑',
      '希望尽快修通村里的断头路。',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('blank record card has empty boxes and a 空白 file name', async () => {
    const res = await clients.member2.get('/api/v1/exports/record-card');
    expect(fileName(res)).toBe('政协委员联系群众代表活动记录卡-空白.xlsx');
    const text = await xlsxText(res.rawPayload);
    expect(text).toContain('走访□');
    expect(text).not.toContain('☑');
    const pdf = await clients.member2.get('/api/v1/exports/record-card?format=pdf');
    expect(pdf.rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF');
  });

  it('summary xlsx has one row per group activity in the period, by date', async () => {
    const res = await clients.grouplead.get(
      `/api/v1/exports/summary?groupId=${w.groupA.id}&from=2026-01-01&to=2026-12-31`,
    );
    expect(fileName(res)).toBe('政协委员联系群众代表活动汇总表-递铺联络组-2026-01-01至2026-12-31.xlsx');
    const text = await xlsxText(res.rawPayload);
    const order = ['村口路灯不亮。', '希望尽快修通村里的断头路。', '希望加强农技培训。'].map((s) => text.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const s of ['张三、李四', '王五', '孙三', '赵大', '已转农业办', '座谈、微信群']) expect(text).toContain(s);
    expect(text).not.toContain('去年的意见');
    expect(text).not.toContain('钱二');
  });

  it('summary pdf is a PDF', async () => {
    const res = await clients.leader1.get(
      `/api/v1/exports/summary?groupId=${w.groupB.id}&from=2026-01-01&to=2026-12-31&format=pdf`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
