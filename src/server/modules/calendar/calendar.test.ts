import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld } from '../../../../tests/setup/world.js';

let t: TestApp;
let admin: Client;
let member: Client;
let leader: Client;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-06-01T02:00:00Z') });
  await buildWorld(t.db);
  admin = await login(t.app, 'admin');
  member = await login(t.app, 'member1');
  leader = await login(t.app, 'leader1');
});
afterAll(() => t.close());

const put = (c: Client, date: string, body: unknown) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/v1/calendar/overrides/${date}`,
    payload: body as object,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken },
  });
const due = async (c: Client, from: string, days: number) =>
  (await c.get(`/api/v1/calendar/working-days?from=${from}&days=${days}`)).json();
const overrideRows = async () =>
  (await t.db.execute(sql`select date::text as date, kind, note from calendar_overrides order by date`)).rows;
const auditCount = async () =>
  Number(
    (await t.db.execute(sql`select count(*)::int as n from audit_log where entity = 'calendar_override'`)).rows[0].n,
  );

describe('working days', () => {
  it('skips National Day 2026: one working day after 30 September is 8 October', async () => {
    const res = await member.get('/api/v1/calendar/working-days?from=2026-09-30&days=1');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ from: '2026-09-30', days: 1, due: '2026-10-08', workingDays: ['2026-10-08'] });
    expect(body.dueAt).toBe('2026-10-08T09:30:00.000Z');
    expect(body.skipped.map((s: any) => s.date)).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
    expect(body.skipped.every((s: any) => s.reason === 'holiday' && s.name === '国庆节')).toBe(true);
  });

  it('counts the make-up Saturday 10 October and lists weekends as weekends', async () => {
    const body = await due(member, '2026-10-08', 3);
    expect(body.workingDays).toEqual(['2026-10-09', '2026-10-10', '2026-10-12']);
    expect(body.skipped).toEqual([{ date: '2026-10-11', reason: 'weekend' }]);
    expect(body.due).toBe('2026-10-12');
  });

  it('with 0 days is due the same day, or the next working day after a day off', async () => {
    expect(await due(member, '2026-10-03', 0)).toMatchObject({ due: '2026-10-08', workingDays: [] });
    expect((await due(member, '2026-10-03', 0)).skipped).toHaveLength(5);
    expect(await due(member, '2026-10-09', 0)).toMatchObject({ due: '2026-10-09', skipped: [] });
  });

  it('answers in English when asked', async () => {
    const res = await member.get('/api/v1/calendar/working-days?from=2026-09-30&days=1', {
      'accept-language': 'en',
    });
    expect(res.json().skipped[0].name).toBe('National Day');
  });

  it('refuses bad input with Chinese field errors', async () => {
    const neg = await member.get('/api/v1/calendar/working-days?from=2026-09-30&days=-1');
    expect(neg.statusCode).toBe(400);
    expect(neg.json().code).toBe('validation_failed');
    expect(neg.json().message).toBe('提交的数据有误，请检查标注的字段');
    expect(neg.json().details).toEqual([{ path: 'days', message: '不能小于 0' }]);
    const month = await member.get('/api/v1/calendar/working-days?from=2026-13-01&days=1');
    expect(month.statusCode).toBe(400);
    expect(month.json().details).toEqual([{ path: 'from', message: '日期格式应为 YYYY-MM-DD' }]);
    const feb = await member.get('/api/v1/calendar/working-days?from=2026-02-30&days=1');
    expect(feb.json().details[0].path).toBe('from');
    const missing = await member.get('/api/v1/calendar/working-days?from=2026-09-30');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details[0].path).toBe('days');
  });

  it('is for signed-in users only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/calendar/working-days?from=2026-09-30&days=1' });
    expect(res.statusCode).toBe(401);
  });
});

describe('the year view', () => {
  it('lists holidays with names and make-up days, and warns that next year is missing', async () => {
    const res = await member.get('/api/v1/calendar?year=2026');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.coveredYears).toEqual([2024, 2025, 2026]);
    expect(body.nextYear).toBe(2027);
    expect(body.missingNextYear).toBe(true);
    expect(body.missingYear).toBe(false);
    const oct1 = body.days.find((d: any) => d.date === '2026-10-01');
    expect(oct1).toMatchObject({ kind: 'holiday', festival: 'national_day', name: '国庆节', override: null });
    const feb14 = body.days.find((d: any) => d.date === '2026-02-14');
    expect(feb14).toMatchObject({ kind: 'workday', festival: 'spring_festival', weekday: 6, official: 'workday' });
    expect(body.days.some((d: any) => d.date === '2026-03-07')).toBe(false);
  });

  it('defaults to the current year in China', async () => {
    expect((await member.get('/api/v1/calendar')).json().year).toBe(2026);
  });
});

describe('overrides', () => {
  it('an admin override moves the deadline, is audited, and shows in the year view', async () => {
    const before = await auditCount();
    const res = await put(admin, '2026-10-08', { kind: 'holiday', note: '县里补休' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ date: '2026-10-08', kind: 'holiday', note: '县里补休' });
    const body = await due(member, '2026-09-30', 1);
    expect(body.due).toBe('2026-10-09');
    expect(body.skipped.at(-1)).toEqual({ date: '2026-10-08', reason: 'holiday', name: '县里补休' });
    expect(await auditCount()).toBe(before + 1);
    const day = (await member.get('/api/v1/calendar?year=2026')).json().days.find((d: any) => d.date === '2026-10-08');
    expect(day).toMatchObject({ kind: 'holiday', official: null, override: { kind: 'holiday', note: '县里补休' } });
  });

  it('a non-admin PUT or DELETE gets 403 and nothing changes', async () => {
    const rows = await overrideRows();
    const audits = await auditCount();
    for (const c of [member, leader]) {
      const p = await put(c, '2026-10-09', { kind: 'holiday', note: '' });
      expect(p.statusCode).toBe(403);
      expect(p.json().code).toBe('forbidden');
      expect((await c.del('/api/v1/calendar/overrides/2026-10-08')).statusCode).toBe(403);
    }
    expect(await overrideRows()).toEqual(rows);
    expect(await auditCount()).toBe(audits);
    expect((await due(member, '2026-09-30', 1)).due).toBe('2026-10-09');
  });

  it('next year’s notice entered by an admin covers the year', async () => {
    expect((await put(admin, '2027-01-01', { kind: 'holiday', note: '元旦' })).statusCode).toBe(200);
    expect((await put(admin, '2027-01-01', { kind: 'holiday', note: '元旦（2027年通知）' })).statusCode).toBe(200);
    const body = (await member.get('/api/v1/calendar?year=2027')).json();
    expect(body.missingNextYear).toBe(false);
    expect(body.days).toEqual([
      expect.objectContaining({ date: '2027-01-01', kind: 'holiday', name: '元旦（2027年通知）' }),
    ]);
    const audits = (
      await t.db.execute(
        sql`select action from audit_log where entity = 'calendar_override' and entity_id = '2027-01-01' order by id`,
      )
    ).rows.map((r: any) => r.action);
    expect(audits).toEqual(['create', 'update']);
  });

  it('refuses a bad date or kind', async () => {
    expect((await put(admin, '2026-13-01', { kind: 'holiday' })).statusCode).toBe(400);
    const kind = await put(admin, '2026-10-09', { kind: 'rest' });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().details[0].path).toBe('kind');
  });

  it('an admin DELETE restores the official calendar; deleting again is 404', async () => {
    expect((await admin.del('/api/v1/calendar/overrides/2026-10-08')).statusCode).toBe(200);
    expect((await due(member, '2026-09-30', 1)).due).toBe('2026-10-08');
    expect((await admin.del('/api/v1/calendar/overrides/2026-10-08')).statusCode).toBe(404);
  });
});
