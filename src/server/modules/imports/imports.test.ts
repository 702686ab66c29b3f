import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { COLUMNS, headerText, type ImportKind } from './columns.js';

let t: TestApp;
let w: World;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());

type Cell = string | number | null;
const headersOf = (kind: ImportKind) => COLUMNS[kind].map(headerText);

/** Builds an .xlsx in memory, as a user's Excel would save it. */
async function book(headers: string[], rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(data: Buffer, filename = 'import.xlsx') {
  const boundary = `----jl${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(c: Client, kind: ImportKind, data: Buffer, query = '', headers: Record<string, string> = {}) {
  const m = multipart(data);
  return c.post(`/api/v1/imports/${kind}${query}`, m.body, { ...m.headers, ...headers });
}

async function counts() {
  const res =
    await t.db.execute(sql`select (select count(*)::int from regions) as regions, (select count(*)::int from members) as members,
    (select count(*)::int from representatives) as reps, (select count(*)::int from member_representatives) as links,
    (select count(*)::int from member_villages) as villages, (select count(*)::int from audit_log) as audit`);
  return res.rows[0] as Record<string, number>;
}

const regionRows = (): Cell[][] => [
  ['330523106000', '天子湖镇', '乡镇/街道', '', '', ''],
  ['330523106201', '良朋村', '村/社区', '330523106000', '李明', '13911112222'],
  ['330523106202', '高禹村', '', '330523106000', '', ''],
  ['330523001201', '古城村', '村', '330523001000', '王芳', '0572-5123456'],
];
const memberRows = (): Cell[][] => [
  [
    'W9001',
    '周六',
    '女',
    1980,
    '汉族',
    '民盟盟员',
    '本科',
    '安吉县第一中学',
    '教师',
    '教育',
    '孝丰联络组',
    '是',
    '13912345678',
    'zl@example.com',
    '孝丰镇1号',
    '',
    '否',
    '330523106201、330523106202',
  ],
  [
    'W9002',
    '吴七',
    '男',
    1972,
    '',
    '中共党员',
    '大专',
    '天子湖镇农办',
    '主任',
    '农业',
    '递铺联络组',
    '',
    '139 1234 5679',
    '',
    '',
    '0572-5123458',
    '是',
    '330523001202',
  ],
  [
    w.m1.code,
    '张三',
    '男',
    '',
    '汉族',
    '群众',
    '',
    '安吉县农业农村局',
    '副局长',
    '农业',
    '递铺联络组',
    '否',
    w.m1.phone,
    '',
    '',
    '',
    '否',
    '',
  ],
];
const repRows = (): Cell[][] => [
  ['新代表甲', '女', 1970, '', '初中', '群众', '', '', '良朋村3组', '13700001111', '330523106201', '', 'W9001', ''],
  [
    '新代表乙',
    '男',
    '',
    45,
    '高中',
    '党员',
    '站长',
    '农技站',
    '',
    '0572-5123457',
    '',
    '递铺街道农业办',
    `W9002、${w.m3.code}`,
    '',
  ],
  ['赵大', '女', '', '', '', '', '', '', '古城村1组18号', '13800000001', '330523001201', '', w.m1.code, '村民代表'],
];

describe('import templates', () => {
  it.each(['regions', 'members', 'representatives'] as const)(
    'downloads the %s template with Chinese headers, drop-downs and a 说明 sheet',
    async (kind) => {
      const res = await admin.get(`/api/v1/imports/templates/${kind}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as any);
      const ws = wb.worksheets[0];
      expect((ws.getRow(1).values as any[]).slice(1)).toEqual(headersOf(kind));
      expect(wb.getWorksheet('说明')?.getCell('A2').value).toBe(headersOf(kind)[0]);
      if (kind !== 'regions') {
        const genderCol = headersOf(kind).indexOf('性别*') + 1;
        const dv = ws.getCell(2, genderCol).dataValidation;
        expect(dv?.type).toBe('list');
      }
      if (kind === 'members') {
        const lists = wb.getWorksheet('代码表')!;
        const sectors = (lists.getColumn(6).values as any[]).slice(2);
        expect(sectors).toEqual(expect.arrayContaining(['农业', '教育']));
      }
    },
  );

  it('skips the example row, so an untouched template is reported as empty', async () => {
    const tpl = (await admin.get('/api/v1/imports/templates/representatives')).rawPayload;
    const res = await upload(admin, 'representatives', tpl);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('import_invalid');
    expect(res.json().details.errors[0].code).toBe('no_rows');
  });
});

describe('importing', () => {
  it('dry run checks everything and writes nothing', async () => {
    const before = await counts();
    const res = await upload(admin, 'regions', await book(headersOf('regions'), regionRows()), '?dryRun=true');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ok: true,
      dryRun: true,
      total: 4,
      created: 3,
      updated: 1,
      unchanged: 0,
      errors: [],
    });
    expect(await counts()).toEqual(before);
  });

  it('imports regions, members and representatives; the rows are visible through the API', async () => {
    const r = await upload(admin, 'regions', await book(headersOf('regions'), regionRows()));
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ ok: true, total: 4, created: 3, updated: 1, unchanged: 0 });
    const m = await upload(admin, 'members', await book(headersOf('members'), memberRows()));
    expect(m.json()).toMatchObject({ ok: true, total: 3, created: 2, updated: 1, unchanged: 0 });
    const p = await upload(admin, 'representatives', await book(headersOf('representatives'), repRows()));
    expect(p.json()).toMatchObject({ ok: true, total: 3, created: 2, updated: 1, unchanged: 0 });

    const village = (await admin.get('/api/v1/regions?q=良朋')).json().items[0];
    expect(village).toMatchObject({
      code: '330523106201',
      level: 'village',
      parentName: '天子湖镇',
      contactPhone: '13911112222',
    });
    expect((await admin.get('/api/v1/regions?q=330523001201')).json().items[0].contactPhone).toBe('0572-5123456');
    const zl = (await admin.get('/api/v1/members?q=周六')).json().items[0];
    expect(zl).toMatchObject({
      code: 'W9001',
      gender: '2',
      politicalStatus: '05',
      education: '20',
      sectorName: '教育',
      groupName: '孝丰联络组',
      isStandingCommittee: true,
      villageCount: 2,
    });
    expect((await admin.get('/api/v1/members?q=吴七')).json().items[0]).toMatchObject({
      phone: '13912345679',
      publishContact: true,
      politicalStatus: '01',
    });
    expect((await admin.get(`/api/v1/members/${w.m1.id}`)).json().post).toBe('副局长');
    const jia = (await admin.get('/api/v1/representatives?q=新代表甲')).json().items[0];
    expect(jia).toMatchObject({
      gender: '2',
      birthYear: 1970,
      education: '70',
      regionName: '良朋村',
      memberNames: '周六',
    });
    const yi = (await admin.get('/api/v1/representatives?q=新代表乙')).json().items[0];
    expect(yi).toMatchObject({
      age: 45,
      politicalStatus: '01',
      departmentName: '递铺街道农业办',
      phone: '0572-5123457',
    });
    expect(yi.memberIds).toHaveLength(2);
    expect((await admin.get(`/api/v1/representatives/${w.rep1.id}`)).json().remarks).toBe('村民代表');
    const audit = await t.db.execute(
      sql`select count(*)::int as n from audit_log where entity = 'representative' and actor_name like '办公室%'`,
    );
    expect((audit.rows[0] as any).n).toBe(3);
  });

  it('re-importing the same files changes nothing and writes no audit entries', async () => {
    const before = await counts();
    for (const [kind, rows] of [
      ['regions', regionRows()],
      ['members', memberRows()],
      ['representatives', repRows()],
    ] as const) {
      const res = await upload(admin, kind, await book(headersOf(kind), rows as Cell[][]));
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: rows.length });
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a file with bad rows: 422 with row and column for each, and nothing written', async () => {
    const before = await counts();
    const rows: Cell[][] = [
      ['好代表', '男', '', '', '', '', '', '', '', '13700002222', '330523001201', '', '', ''],
      ['错电话', '男', '', '', '', '', '', '', '', '1234', '330523001201', '', '', ''],
      ['错性别', '不详', '', '', '', '', '', '', '', '13700003333', '330523001201', '', '', ''],
      ['错村', '女', '', '', '', '', '', '', '', '13700004444', '330523999999', '', '', ''],
    ];
    const res = await upload(admin, 'representatives', await book(headersOf('representatives'), rows));
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('import_invalid');
    expect(body.message).toBe('导入文件有 3 处错误，未写入任何数据');
    expect(body.details.ok).toBe(false);
    expect(body.details.errors.map((e: any) => [e.row, e.column])).toEqual([
      [3, '联系电话'],
      [4, '性别'],
      [5, '所属村（社区）区划代码'],
    ]);
    expect(body.details.errors[0].message).toContain('1234');
    expect(await counts()).toEqual(before);
  });

  it('reports duplicates within the file and answers in English when asked', async () => {
    const rows: Cell[][] = [
      ['330523107000', '上墅乡', '乡镇', '', '', ''],
      ['330523107000', '上墅乡', '乡镇', '', '', ''],
      ['330523107201', '刘家塘村', '村', '330523999000', '', ''],
    ];
    const res = await upload(admin, 'regions', await book(headersOf('regions'), rows), '', { 'accept-language': 'en' });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toBe('2 problems in the file; nothing was imported');
    expect(res.json().details.errors).toMatchObject([
      { row: 3, column: '区划代码', code: 'duplicate_in_file', message: 'Duplicates row 2 (330523107000)' },
      { row: 4, column: '上级区划代码', code: 'parent_unknown' },
    ]);
  });

  it('refuses files that are not xlsx workbooks with import_bad_file', async () => {
    const before = await counts();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
    for (const data of [
      png,
      Buffer.from('姓名,性别\n张三,男\n'),
      Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 1)]),
    ]) {
      const res = await upload(admin, 'representatives', data);
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('import_bad_file');
      expect(res.json().details.errors[0].message).toContain('.xlsx');
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a sheet with wrong headers or no rows with import_invalid', async () => {
    const wrong = await upload(admin, 'representatives', await book(['名字', '电话'], [['张三', '13700005555']]));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('import_invalid');
    const codes = wrong.json().details.errors.map((e: any) => e.code);
    expect(codes).toContain('header_missing');
    expect(codes).toContain('header_unknown');
    const empty = await upload(admin, 'members', await book([], []));
    expect(empty.statusCode).toBe(422);
    expect(empty.json().code).toBe('import_invalid');
    const noFile = await admin.post('/api/v1/imports/members', {});
    expect(noFile.statusCode).toBe(422);
  });

  it('refuses non-admins and changes nothing', async () => {
    // Signing in is audited: sign in first, then count.
    const users = await Promise.all(['member1', 'leader1', 'grouplead'].map((u) => login(t.app, u)));
    const before = await counts();
    const file = await book(headersOf('regions'), [['330523108000', '杭垓镇', '乡镇', '', '', '']]);
    for (const user of users) {
      const res = await upload(user, 'regions', file);
      expect(res.statusCode).toBe(403);
    }
    expect(await counts()).toEqual(before);
  });

  it('imports 5,000 representatives in one go', async () => {
    const rows: Cell[][] = Array.from({ length: 5000 }, (_, i) => [
      `批量代表${i}`,
      i % 2 ? '男' : '女',
      1950 + (i % 50),
      '',
      '高中',
      '群众',
      '',
      '',
      `古城村${i}号`,
      `136${String(i).padStart(8, '0')}`,
      '330523001202',
      '',
      w.m3.code,
      '',
    ]);
    const file = await book(headersOf('representatives'), rows);
    const started = Date.now();
    const res = await upload(admin, 'representatives', file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, total: 5000, created: 5000 });
    console.log(`5,000 rows imported in ${Date.now() - started} ms`);
  });
});
