// Reception days: scheduling rights and scope, public booking (double booking, bad input, privacy), the day itself.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { generateSlots, normalizeSlots } from './slots.js';

let t: TestApp;
let w: World;
let clock = new Date('2026-06-10T02:00:00Z'); // 10:00 in China, a Wednesday
let admin: Client;
let member1: Client;
let member2: Client;
let grouplead: Client;
let leader: Client;
let officer: Client;
let ipSeq = 0;

/** Moves the clock and signs everyone in again (sessions expire when days pass). */
async function setClock(at: string) {
  clock = new Date(at);
  [admin, member1, member2, grouplead, leader, officer] = await Promise.all(
    ['admin', 'member1', 'member2', 'grouplead', 'leader1', 'officer1'].map((u) => login(t.app, u)),
  );
}

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  w = await buildWorld(t.db);
  await setClock(clock.toISOString());
});
afterAll(() => t.close());

const newIp = () => `10.1.0.${++ipSeq}`;
const pub = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1/public${url}`, payload: payload as any, remoteAddress: newIp() });
const dayBody = (over: Record<string, unknown> = {}) => ({
  title: '委员接待日（递铺）',
  date: '2026-06-20',
  place: '递铺街道政协委员之家',
  regionId: w.villA1.id,
  memberIds: [w.m1.id],
  slots: { from: '09:00', to: '11:30', length: 30 },
  ...over,
});
const booking = (slotId: number, over: Record<string, unknown> = {}) => ({
  slotId,
  name: '陈阿姨',
  phone: '139 1234 5678',
  topic: '小区加装电梯',
  consent: true,
  website: '',
  ...over,
});
const snapshot = async () =>
  (
    await t.db.execute(sql`select
    (select count(*)::int from reception_bookings) as bookings,
    (select string_agg(status, ',' order by id) from reception_bookings) as statuses,
    (select string_agg(status || ':' || title, ',' order by id) from reception_days) as days,
    (select count(*)::int from record_events) as events`)
  ).rows[0];

describe('slot generator', () => {
  it('cuts 09:00–11:30 into five 30-minute slots and drops a short tail', () => {
    expect(generateSlots('09:00', '11:30', 30).map((s) => s.start)).toEqual([
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
    ]);
    expect(generateSlots('09:00', '10:10', 30)).toHaveLength(2);
    expect(generateSlots('11:00', '09:00', 30)).toEqual([]);
  });
  it('refuses overlapping or backwards slots', () => {
    expect(
      normalizeSlots([
        { start: '09:00', end: '09:40' },
        { start: '09:30', end: '10:00' },
      ]),
    ).toBeNull();
    expect(normalizeSlots([{ start: '10:00', end: '09:00' }])).toBeNull();
    expect(
      normalizeSlots([
        { start: '10:00', end: '10:30' },
        { start: '09:00', end: '09:30' },
      ])?.[0].start,
    ).toBe('09:00');
  });
});

let dayId: number;
let slotIds: number[];

describe('scheduling and scope', () => {
  it('admin schedules a day with generated slots', async () => {
    const res = await admin.post('/api/v1/reception-days', dayBody());
    expect(res.statusCode, res.body).toBe(201);
    const day = res.json();
    dayId = day.id;
    slotIds = day.slots.map((s: any) => s.id);
    expect(day.slots).toHaveLength(5);
    expect(day.abilities.canEdit).toBe(true);
  });
  it('a member schedules only days they are present at', async () => {
    const own = await member1.post(
      '/api/v1/reception-days',
      dayBody({ slots: { list: [{ start: '14:00', end: '14:30' }] } }),
    );
    expect(own.statusCode, own.body).toBe(201);
    const before = await snapshot();
    const other = await member1.post('/api/v1/reception-days', dayBody({ memberIds: [w.m2.id] }));
    expect(other.statusCode).toBe(403);
    expect(await leader.post('/api/v1/reception-days', dayBody()).then((r) => r.statusCode)).toBe(403);
    expect(await snapshot()).toEqual(before);
  });
  it('refuses bad input: past date, overlapping slots, unknown member, missing place', async () => {
    for (const body of [
      dayBody({ date: '2026-06-01' }),
      dayBody({
        slots: {
          list: [
            { start: '09:00', end: '10:00' },
            { start: '09:30', end: '10:30' },
          ],
        },
      }),
      dayBody({ slots: { from: '9:00', to: '11:00', length: 30 } }),
      dayBody({ memberIds: [999999] }),
      dayBody({ place: '' }),
    ]) {
      const res = await admin.post('/api/v1/reception-days', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
  it('group leaders see their group members’ days; other members and officers get 404', async () => {
    expect((await grouplead.get(`/api/v1/reception-days/${dayId}`)).statusCode).toBe(200);
    expect((await leader.get(`/api/v1/reception-days/${dayId}`)).statusCode).toBe(200);
    expect((await member2.get(`/api/v1/reception-days/${dayId}`)).statusCode).toBe(404);
    expect((await officer.get(`/api/v1/reception-days/${dayId}`)).statusCode).toBe(404);
    expect((await member2.get('/api/v1/reception-days')).json().total).toBe(0);
    expect((await grouplead.get('/api/v1/reception-days')).json().total).toBe(2);
    const gl = await grouplead.get(`/api/v1/reception-days/${dayId}`);
    expect(gl.json().abilities.canEdit).toBe(false);
  });
  it('others cannot edit or cancel (404, nothing changed)', async () => {
    const before = await snapshot();
    expect((await member2.patch(`/api/v1/reception-days/${dayId}`, { title: 'x' })).statusCode).toBe(404);
    expect((await grouplead.patch(`/api/v1/reception-days/${dayId}`, { title: 'x' })).statusCode).toBe(404);
    expect((await member2.post(`/api/v1/reception-days/${dayId}/cancel`)).statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
  });
});

let code: string;

describe('public booking', () => {
  it('lists upcoming days with free counts and member names', async () => {
    const res = await pub('GET', '/reception-days');
    expect(res.statusCode).toBe(200);
    const day = res.json().items.find((d: any) => d.id === dayId);
    expect(day).toMatchObject({ freeCount: 5, slotCount: 5, members: ['张三'], place: '递铺街道政协委员之家' });
  });
  it('books a slot and answers a code; a second booking of the slot gets a Chinese 409', async () => {
    const res = await pub('POST', `/reception-days/${dayId}/bookings`, booking(slotIds[0]));
    expect(res.statusCode, res.body).toBe(201);
    code = res.json().code;
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
    const again = await pub('POST', `/reception-days/${dayId}/bookings`, booking(slotIds[0], { name: '刘先生' }));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'slot_taken', message: '该时段已被预约，请选择其他时段' });
  });
  it('refuses bad input and bots without writing anything', async () => {
    const before = await snapshot();
    for (const body of [
      booking(slotIds[1], { phone: '12345' }),
      booking(slotIds[1], { consent: false }),
      booking(slotIds[1], { website: 'http://spam' }),
      booking(slotIds[1], { name: '' }),
      booking(999999),
    ]) {
      const res = await pub('POST', `/reception-days/${dayId}/bookings`, body);
      expect([400, 404], JSON.stringify(body)).toContain(res.statusCode);
    }
    expect(await snapshot()).toEqual(before);
  });
  it('never shows citizens’ data on the public pages', async () => {
    const list = await pub('GET', '/reception-days');
    const detail = await pub('GET', `/reception-days/${dayId}`);
    for (const body of [list.body, detail.body]) {
      expect(body).not.toContain('陈阿姨');
      expect(body).not.toContain('13912345678');
      expect(body).not.toContain('电梯');
    }
    expect(
      detail
        .json()
        .slots.filter((s: any) => !s.free)
        .map((s: any) => s.id),
    ).toEqual([slotIds[0]]);
  });
  it('the citizen sees and cancels their own booking by code; the slot is free again', async () => {
    const view = await pub('GET', `/reception-bookings/${code.toLowerCase()}`);
    expect(view.json()).toMatchObject({ status: 'booked', phone: '139****5678', slot: { start: '09:00' } });
    expect((await pub('GET', '/reception-bookings/ZZZZZZZZZZ')).statusCode).toBe(404);
    const del = await pub('DELETE', `/reception-bookings/${code}`);
    expect(del.json().status).toBe('cancelled');
    expect((await pub('DELETE', `/reception-bookings/${code}`)).statusCode).toBe(409);
    const rebook = await pub('POST', `/reception-days/${dayId}/bookings`, booking(slotIds[0]));
    expect(rebook.statusCode).toBe(201);
    code = rebook.json().code;
  });
  it('staff see the booking with the full phone; the group leader sees it masked', async () => {
    const full = (await admin.get(`/api/v1/reception-days/${dayId}`)).json();
    expect(full.slots[0].booking).toMatchObject({ name: '陈阿姨', phone: '13912345678' });
    expect(full.slots[0].booking.code).toBeUndefined();
    const gl = (await grouplead.get(`/api/v1/reception-days/${dayId}`)).json();
    expect(gl.slots[0].booking.phone).toBe('139****5678');
  });
  it('refuses dropping a booked slot when editing, keeps the free ones editable', async () => {
    const bad = await admin.patch(`/api/v1/reception-days/${dayId}`, {
      slots: { from: '10:00', to: '11:00', length: 30 },
    });
    expect(bad.statusCode).toBe(409);
    const ok = await admin.patch(`/api/v1/reception-days/${dayId}`, {
      slots: { from: '09:00', to: '10:30', length: 30 },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().slots.map((s: any) => s.start)).toEqual(['09:00', '09:30', '10:00']);
    const overlap = await admin.patch(`/api/v1/reception-days/${dayId}`, {
      slots: { from: '09:00', to: '10:00', length: 20 },
    });
    expect(overlap.statusCode).toBe(400);
    expect(ok.json().slots[0].booking.name).toBe('陈阿姨');
    slotIds = ok.json().slots.map((s: any) => s.id);
  });
});

describe('on the day', () => {
  let bookingId: number;
  it('check-in waits for the day, and only staff or a present member may do it', async () => {
    const day = (await admin.get(`/api/v1/reception-days/${dayId}`)).json();
    bookingId = day.slots[0].booking.id;
    await pub(
      'POST',
      `/reception-days/${dayId}/bookings`,
      booking(slotIds[1], { name: '周大伯', phone: '13800001111' }),
    );
    expect((await member1.post(`/api/v1/reception-days/${dayId}/bookings/${bookingId}/check-in`)).statusCode).toBe(409);
    await setClock('2026-06-20T01:00:00Z');
    const before = await snapshot();
    expect((await member2.post(`/api/v1/reception-days/${dayId}/bookings/${bookingId}/check-in`)).statusCode).toBe(404);
    expect((await grouplead.post(`/api/v1/reception-days/${dayId}/bookings/${bookingId}/check-in`)).statusCode).toBe(
      404,
    );
    expect(await snapshot()).toEqual(before);
    const ok = await member1.post(`/api/v1/reception-days/${dayId}/bookings/${bookingId}/check-in`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().slots[0].booking.status).toBe('checked_in');
  });
  it('refuses booking a day that has come and gone', async () => {
    await setClock('2026-06-21T01:00:00Z');
    const res = await pub('POST', `/reception-days/${dayId}/bookings`, booking(slotIds[2]));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('reception_closed');
  });
  it('records the citizen’s matter as a reception item with the citizen and the members as originators', async () => {
    const res = await member1.post(`/api/v1/reception-days/${dayId}/bookings/${bookingId}/opinion`, {
      title: '小区加装电梯补贴',
      content: '老旧小区加装电梯，希望明确补贴标准。',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { opinionId } = res.json();
    const row = (
      await t.db.execute(sql`select o.channel, o.region_id as "regionId",
      (select json_agg(json_build_object('kind', kind, 'name', name, 'phone', phone, 'memberId', member_id) order by id) from opinion_originators where opinion_id = o.id) as who
      from opinions o where o.id = ${opinionId}`)
    ).rows[0] as any;
    expect(row.channel).toBe('reception');
    expect(row.regionId).toBe(w.villA1.id);
    expect(row.who).toContainEqual(expect.objectContaining({ kind: 'citizen', name: '陈阿姨', phone: '13912345678' }));
    expect(row.who).toContainEqual(expect.objectContaining({ kind: 'member', memberId: w.m1.id }));
    const again = await member1.post(`/api/v1/reception-days/${dayId}/bookings/${bookingId}/opinion`, {
      title: 'x',
      content: 'y',
    });
    expect(again.statusCode).toBe(409);
  });
  it('closes the day as held: one reception activity linked, the absent citizen a no-show, events logged', async () => {
    expect((await member2.post(`/api/v1/reception-days/${dayId}/hold`, {})).statusCode).toBe(404);
    const res = await member1.post(`/api/v1/reception-days/${dayId}/hold`, { summary: '接待群众两人次' });
    expect(res.statusCode, res.body).toBe(200);
    const day = res.json();
    expect(day.status).toBe('held');
    expect(day.slots[1].booking.status).toBe('no_show');
    const act = (await admin.get(`/api/v1/activities/${day.activityId}`)).json();
    expect(act).toMatchObject({ date: '2026-06-20', methods: ['talk'], purposes: ['reception'] });
    expect(act.members.map((m: any) => m.id)).toEqual([w.m1.id]);
    expect(act.opinions).toContain('陈阿姨');
    expect(day.events.map((e: any) => e.type)).toEqual(
      expect.arrayContaining(['scheduled', 'booked', 'checked_in', 'matter_recorded', 'held']),
    );
    expect((await admin.post(`/api/v1/reception-days/${dayId}/hold`, {})).statusCode).toBe(409);
    expect((await admin.patch(`/api/v1/reception-days/${dayId}`, { title: 'x' })).statusCode).toBe(409);
  });
});

describe('cancelling a day', () => {
  it('marks live bookings cancelled and takes the day off the public list', async () => {
    await setClock('2026-07-01T01:00:00Z');
    const made = (await admin.post('/api/v1/reception-days', dayBody({ date: '2026-07-10' }))).json();
    const b = await pub('POST', `/reception-days/${made.id}/bookings`, booking(made.slots[0].id));
    const res = await admin.post(`/api/v1/reception-days/${made.id}/cancel`);
    expect(res.statusCode).toBe(200);
    const view = await pub('GET', `/reception-bookings/${b.json().code}`);
    expect(view.json()).toMatchObject({ status: 'cancelled', day: { status: 'cancelled' } });
    expect((await pub('GET', '/reception-days')).json().items.some((d: any) => d.id === made.id)).toBe(false);
    const again = await pub('POST', `/reception-days/${made.id}/bookings`, booking(made.slots[1].id));
    expect(again.statusCode).toBe(409);
  });
});
