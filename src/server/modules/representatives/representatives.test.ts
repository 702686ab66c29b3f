import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';

let t: TestApp;
let w: World;
let member1: Client;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  member1 = await login(t.app, 'member1');
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());
const count = async () => ((await t.db.execute(sql`select count(*)::int as n from representatives`)).rows[0] as any).n;

describe('representatives', () => {
  it('a member adds a representative to their own list with every 登记表 field', async () => {
    const res = await member1.post('/api/v1/representatives', {
      name: '周六',
      gender: '2',
      birthYear: 1968,
      education: '20',
      post: '村妇女主任',
      workUnit: '古城村村委会',
      politicalStatus: '01',
      address: '古城村2组5号',
      phone: '138 0000 0099',
      remarks: '热心公益',
      regionId: w.villA1.id,
    });
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({
      name: '周六',
      phone: '13800000099',
      regionName: '古城村',
      memberIds: [w.m1.id],
      masked: false,
    });
    expect(r.age).toBeGreaterThan(50);
    const audit = (await admin.get(`/api/v1/audit?entity=representative&entityId=${r.id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'create', actorName: '张三(member1)' });
    expect(audit.items[0].after).toMatchObject({ name: '周六', phone: '13800000099' });
    const xlsx = await admin.get(`/api/v1/audit?entity=representative&entityId=${r.id}&format=xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as any);
    const sheet = wb.getWorksheet('审计日志')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('操作人');
    expect(String(sheet.getRow(2).getCell(7).value)).toContain('周六');
  });

  it('refuses a duplicate (same name and phone) with a clear conflict and writes nothing', async () => {
    const before = await count();
    const res = await member1.post('/api/v1/representatives', {
      name: '赵大',
      gender: '1',
      phone: '13800000001',
      regionId: w.villA1.id,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'duplicate_representative',
      message: '已存在同名同电话的群众代表：赵大（13800000001）',
    });
    expect(await count()).toBe(before);
  });

  it('gives field-level Chinese errors for bad input', async () => {
    const res = await member1.post('/api/v1/representatives', {
      name: '',
      gender: '7',
      phone: '12345',
      regionId: w.villA1.id,
      departmentId: w.deptA.id,
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    const byPath = Object.fromEntries(body.details.map((d: any) => [d.path, d.message]));
    expect(byPath.name).toBe('此项不能为空');
    expect(byPath.phone).toContain('请输入正确的手机号或固定电话');
    expect(byPath.gender).toContain('取值无效');
  });

  it('gives English messages with Accept-Language: en', async () => {
    const res = await member1.post(
      '/api/v1/representatives',
      { name: '甲', gender: '1', phone: 'abc', regionId: w.villA1.id },
      { 'accept-language': 'en' },
    );
    expect(res.json().details[0].message).toBe('Enter a valid mobile or landline number');
  });

  it('requires exactly one of village and department', async () => {
    const res = await member1.post('/api/v1/representatives', { name: '甲', gender: '1', phone: '13900001111' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({ path: 'regionId' });
  });

  it('accepts landlines and department representatives', async () => {
    const res = await admin.post('/api/v1/representatives', {
      name: '吴七',
      gender: '1',
      phone: '0572-5123456',
      departmentId: w.deptA.id,
      memberIds: [w.m3.id],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ departmentName: '递铺街道农业办', phone: '0572-5123456' });
  });

  it('finds people by name, pinyin initials and phone', async () => {
    const ids = async (q: string) =>
      (await admin.get(`/api/v1/representatives?q=${encodeURIComponent(q)}`)).json().items.map((r: any) => r.name);
    expect(await ids('赵')).toContain('赵大');
    expect(await ids('zd')).toContain('赵大');
    expect(await ids('zhaoda')).toContain('赵大');
    expect(await ids('00000002')).toEqual(['钱二']);
    const members = (await admin.get('/api/v1/members?q=zs')).json().items.map((m: any) => m.name);
    expect(members).toContain('张三');
    const villages = async (q: string) =>
      (await member1.get(`/api/v1/regions?q=${q}`)).json().items.map((r: any) => r.name);
    expect(await villages('gcc')).toEqual(['古城村']);
    expect(await villages('guchengcun')).toEqual(['古城村']);
    expect(await villages('330523105201')).toEqual(['横溪坞村']);
  });

  it('a partial update changes only the fields sent', async () => {
    const res = await member1.patch(`/api/v1/representatives/${w.rep1.id}`, { remarks: '已走访' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      remarks: '已走访',
      regionId: w.villA1.id,
      phone: '13800000001',
      memberIds: [w.m1.id],
    });
  });

  it('will not delete a representative named on an activity', async () => {
    const res = await member1.del(`/api/v1/representatives/${w.rep1.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('in_use');
  });
});
