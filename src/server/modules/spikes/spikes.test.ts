// Spike alerts end to end on the database: a quiet village's week of 8 items alerts the office and that township's
// officers once (in-app and by e-mail, confidential titles kept out of the mail); a busy village at its usual level does
// not; the list shows each viewer the items they may see.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { chinaInstant, shiftDate } from '../../../core/calendar/index.js';
import { buildUser } from '../../db/seed/factories.js';
import { scanSpikes, spikeScanner } from './scan.js';

let t: TestApp;
let w: World;
let clock = chinaInstant('2026-10-20', '10:00');
let roads: number;
let potholes: number;
let seq = 0;
const users: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  w = await buildWorld(t.db);
  const top = await t.db.execute(sql`insert into opinion_categories (name) values ('交通出行') returning id`);
  roads = Number((top.rows[0] as { id: number }).id);
  const sub = await t.db.execute(
    sql`insert into opinion_categories (parent_id, name) values (${roads}, '道路坑洼') returning id`,
  );
  potholes = Number((sub.rows[0] as { id: number }).id);
  // officer1 is 孝丰镇's (townB) officer; a second one there has a member's e-mail; officerA is another township's.
  await t.db.execute(sql`update members set email = 'lisi@example.cn' where id = ${w.m2.id}`);
  users.mailOfficer = (
    await buildUser(t.db, { username: 'officerb2', roles: ['info_officer'], townshipId: w.townB.id, memberId: w.m2.id })
  ).id;
  users.officerA = (
    await buildUser(t.db, { username: 'officera', roles: ['info_officer'], townshipId: w.townA.id })
  ).id;
});
afterAll(() => t.close());

/** Items received on a China date (10:00) in a village, in the pothole sub-category. */
async function items(
  village: number,
  date: string,
  n: number,
  f: { confidentiality?: string; status?: string; title?: string } = {},
) {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    seq++;
    const res = await t.db.execute(sql`insert into opinions (tracking_code, title, content, channel, status,
        confidentiality, region_id, category_id, received_at)
      values (${`SP${seq}X${Date.now()}`}, ${f.title ?? `${f.confidentiality === 'confidential' ? '保密' : ''}路面坑洼${seq}`}, '内容', 'letter',
        ${f.status ?? 'received'}, ${f.confidentiality ?? 'normal'}, ${village}, ${potholes},
        ${chinaInstant(date, '10:00').toISOString()}::timestamptz)
      returning id`);
    ids.push(Number((res.rows[0] as { id: number }).id));
  }
  return ids;
}

const spikeNotes = async () =>
  (await t.db.execute(sql`select user_id as "userId", data from notifications where kind = 'spike' order by user_id`))
    .rows as { userId: number; data: any }[];
const spikeMails = async () =>
  (await t.db.execute(sql`select recipient, subject, body from outbox where dedupe_key like 'spike:%'`)).rows as any[];

describe('scanSpikes', () => {
  let quietIds: number[];

  it('a busy village at its usual level does not alert', async () => {
    for (let wk = 1; wk <= 8; wk++) await items(w.villA1.id, shiftDate('2026-10-13', -7 * (wk - 1)), 10);
    await items(w.villA1.id, '2026-10-18', 11);
    const out = await scanSpikes(t.db, clock);
    expect(out.spikes).toBe(0);
    expect(await spikeNotes()).toEqual([]);
  });

  it('a week of 8 items in a quiet village alerts the office and that township’s officers once', async () => {
    await items(w.villB1.id, '2026-09-01', 1); // the usual: about one item in two months
    quietIds = [
      ...(await items(w.villB1.id, '2026-10-15', 4)),
      ...(await items(w.villB1.id, '2026-10-19', 2)),
      ...(await items(w.villB1.id, '2026-10-19', 1, { title: '浙E12345压坏路面' })),
      ...(await items(w.villB1.id, '2026-10-20', 1, { confidentiality: 'confidential' })),
    ];
    await items(w.villB1.id, '2026-10-20', 1, { status: 'merged' }); // counted once, under the item it joined
    const out = await scanSpikes(t.db, clock);
    expect(out).toMatchObject({ spikes: 1, created: 1 });
    const alerts = (
      await t.db.execute(sql`select region_id as "regionId", category_id as "categoryId",
        item_count as count, opinion_ids as ids from spike_alerts`)
    ).rows as any[];
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ regionId: w.villB1.id, categoryId: roads, count: 8 });
    expect(alerts[0].ids.map(Number)).toEqual(quietIds);
    const notes = await spikeNotes();
    expect(notes.map((n) => n.userId).sort()).toEqual(
      [w.users.admin.id, w.users.officer1.id, users.mailOfficer].sort(),
    );
    expect(notes.map((n) => n.userId)).not.toContain(users.officerA);
    expect(notes[0]?.data).toMatchObject({ village: '横溪坞村', category: '交通出行', count: 8 });
    const mails = await spikeMails();
    expect(mails).toHaveLength(1);
    expect(mails[0].recipient).toBe('lisi@example.cn');
    expect(mails[0].body).toContain(`#${quietIds[0]} 路面坑洼`);
    expect(mails[0].body).not.toContain('保密路面坑洼');
    expect(mails[0].body).toContain(`#${quietIds[6]} 【已隐去】压坏路面`); // no plate leaves by mail
  });

  it('scanning again, from two processes at once or on the next day, sends nothing more', async () => {
    await Promise.all([scanSpikes(t.db, clock), scanSpikes(t.db, clock)]);
    clock = chinaInstant('2026-10-21', '09:00');
    const next = await scanSpikes(t.db, clock);
    expect(next.created).toBe(0);
    expect(await spikeNotes()).toHaveLength(3);
    expect(await spikeMails()).toHaveLength(1);
    expect(Number((await t.db.execute(sql`select count(*) from spike_alerts`)).rows[0]?.count)).toBe(1);
  });

  describe('GET /spikes and the notification', () => {
    let admin: Client;
    beforeAll(async () => {
      admin = await login(t.app, 'admin');
    });

    it('lists the alert with the items the viewer may see', async () => {
      const res = await admin.get('/api/v1/spikes');
      expect(res.statusCode).toBe(200);
      const [a] = res.json().items;
      expect(a).toMatchObject({ village: '横溪坞村', township: '孝丰镇', category: '交通出行', count: 8 });
      // The office is not named on the confidential item: counted, not listed.
      expect(a.items.map((i: any) => i.id)).toEqual(quietIds.slice(0, 7));
      expect(a.hiddenCount).toBe(1);
      const leader = await login(t.app, 'leader1');
      expect((await leader.get('/api/v1/spikes')).json().items[0].items).toHaveLength(8);
    });

    it('shows an officer their township’s alerts only; a member gets 404', async () => {
      const own = await login(t.app, 'officer1');
      expect((await own.get('/api/v1/spikes')).json().items).toHaveLength(1);
      const other = await login(t.app, 'officera');
      expect((await other.get('/api/v1/spikes')).json().items).toEqual([]);
      const member = await login(t.app, 'member1');
      expect((await member.get('/api/v1/spikes')).statusCode).toBe(404);
    });

    it('words the notification in the reader’s language', async () => {
      const list = async (lang: string) =>
        (await admin.get('/api/v1/notifications?pageSize=50', { 'accept-language': lang }))
          .json()
          .items.filter((n: any) => n.kind === 'spike');
      const [zh] = await list('zh-CN');
      const [en] = await list('en-US,en;q=0.9');
      expect(zh.title).toBe('突增提醒：横溪坞村「交通出行」近7天 8 件');
      expect(en.title).toBe('Spike: 横溪坞村 · 交通出行, 8 items in 7 days');
      expect(zh.body).toBe('孝丰镇横溪坞村「交通出行」近7天收到 8 件社情民意，平时每周不到 1 件。');
      expect(zh.link).toMatch(/^\/spikes\?id=\d+$/);
    });

    it('refuses a bad query with a 400', async () => {
      expect((await admin.get('/api/v1/spikes?days=0')).statusCode).toBe(400);
    });
  });

  it('items arriving later grow the same alert (count and items), with no second notice', async () => {
    const more = await items(w.villB1.id, '2026-10-21', 3);
    const out = await scanSpikes(t.db, clock);
    expect(out).toMatchObject({ spikes: 1, created: 0, grown: 1 });
    const rows = (await t.db.execute(sql`select item_count as count, opinion_ids as ids from spike_alerts`))
      .rows as any[];
    expect(rows).toHaveLength(1);
    expect(rows[0].count).toBe(11);
    expect(rows[0].ids.map(Number)).toEqual([...quietIds, ...more]);
    expect(await spikeNotes()).toHaveLength(3);
    expect(await spikeMails()).toHaveLength(1);
  });

  it('the scheduler scans again only after a new item, a changed item or a new China day', async () => {
    const scanner = spikeScanner();
    expect(await scanner(t.db, clock)).not.toBeNull();
    expect(await scanner(t.db, clock)).toBeNull(); // nothing changed: the 9-week aggregate is not run
    await items(w.villB1.id, '2026-10-21', 1);
    expect(await scanner(t.db, clock)).toMatchObject({ grown: 1 });
    expect(await scanner(t.db, clock)).toBeNull();
    await t.db.execute(sql`insert into opinion_events (opinion_id, type, actor_kind)
      values (${quietIds[0]}, 'categorised', 'user')`);
    expect(await scanner(t.db, clock)).not.toBeNull();
    expect(await scanner(t.db, chinaInstant('2026-10-22', '00:05'))).not.toBeNull();
    expect(await scanner(t.db, chinaInstant('2026-10-22', '09:00'))).toBeNull();
  });
});
