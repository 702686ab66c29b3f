// Deadline scan (near-due, overdue, across National Day), reminders once under concurrent scans, outbox delivery once.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { chinaInstant } from '../../../core/calendar/index.js';
import { createLogMailer, type Mailer } from '../../adapters/mailer.js';
import { createLogSms } from '../../adapters/sms.js';
import { buildUser } from '../../db/seed/factories.js';
import { deliverOutbox, enqueue, OUTBOX_MAX_ATTEMPTS, scanDeadlines, startScheduler } from './service.js';

let t: TestApp;
let w: World;
let handlerId: number;
let seq = 0;
const quiet = () => {};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  handlerId = (
    await buildUser(t.db, {
      username: 'dept1',
      displayName: '农业办',
      roles: ['dept_handler'],
      departmentId: w.deptA.id,
    })
  ).id;
});
afterAll(() => t.close());

const at = (date: string, hhmm: string) => chinaInstant(date, hhmm);

async function item(f: { status: string; acceptDueAt?: Date; deadline?: string; dept?: number }) {
  seq++;
  const res = await t.db.execute(sql`insert into opinions (tracking_code, title, content, channel, status,
      accept_due_at, deadline, lead_department_id)
    values (${`RM${seq}X${Date.now()}`}, ${`事项${seq}`}, '内容', 'letter', ${f.status},
      ${f.acceptDueAt?.toISOString() ?? null}::timestamptz, ${f.deadline ?? null}::date, ${f.dept ?? null})
    returning id`);
  return (res.rows[0] as { id: number }).id;
}

async function reminders(opinionId: number) {
  const res = await t.db.execute(sql`select user_id as "userId", kind from notifications
    where opinion_id = ${opinionId} order by kind, user_id`);
  return res.rows as { userId: number; kind: string }[];
}

describe('scanDeadlines', () => {
  it('an acceptance due after National Day is not overdue during the holiday, then overdue after it', async () => {
    // Received Wed 30 Sep 2026 16:00; 1 working day → Thu 8 Oct 17:30 (1–7 Oct are holidays).
    const id = await item({ status: 'received', acceptDueAt: at('2026-10-08', '17:30') });
    await scanDeadlines(t.db, at('2026-10-06', '10:00'));
    expect(await reminders(id)).toEqual([]);
    await scanDeadlines(t.db, at('2026-10-08', '16:00'));
    expect(await reminders(id)).toEqual([{ userId: w.users.admin.id, kind: 'accept_due_soon' }]);
    await scanDeadlines(t.db, at('2026-10-08', '18:00'));
    await scanDeadlines(t.db, at('2026-10-09', '09:00'));
    expect((await reminders(id)).map((r) => r.kind)).toEqual(['accept_due_soon', 'accept_overdue']);
  });

  it('a department deadline is near within 2 working days counted on the calendar, overdue after its end', async () => {
    const id = await item({ status: 'forwarded', deadline: '2026-10-09', dept: w.deptA.id });
    await scanDeadlines(t.db, at('2026-09-29', '10:00')); // 3 working days left: 30 Sep, 8 and 9 Oct
    expect(await reminders(id)).toEqual([]);
    await scanDeadlines(t.db, at('2026-09-30', '10:00'));
    const soon = await reminders(id);
    expect(soon.map((r) => r.userId).sort()).toEqual([w.users.admin.id, handlerId].sort());
    expect(new Set(soon.map((r) => r.kind))).toEqual(new Set(['reply_due_soon']));
    await scanDeadlines(t.db, at('2026-10-09', '17:30')); // still on time at the end of office hours
    expect(await reminders(id)).toHaveLength(2);
    await scanDeadlines(t.db, at('2026-10-09', '17:31'));
    expect((await reminders(id)).filter((r) => r.kind === 'reply_overdue')).toHaveLength(2);
  });

  it('an extended deadline gets its own reminders; items no longer waiting get none', async () => {
    const id = await item({ status: 'returned_for_rework', deadline: '2026-11-02', dept: w.deptA.id });
    await scanDeadlines(t.db, at('2026-11-03', '09:00'));
    await t.db.execute(sql`update opinions set deadline = '2026-11-20' where id = ${id}`);
    await scanDeadlines(t.db, at('2026-11-10', '09:00')); // 8 working days left: nothing
    await scanDeadlines(t.db, at('2026-11-19', '09:00'));
    await scanDeadlines(t.db, at('2026-11-23', '09:00'));
    const kinds = (await reminders(id)).filter((r) => r.userId === handlerId).map((r) => r.kind);
    expect(kinds).toEqual(['reply_due_soon', 'reply_overdue', 'reply_overdue']);
    const done = await item({ status: 'replied', deadline: '2026-11-02', dept: w.deptA.id });
    await scanDeadlines(t.db, at('2026-11-23', '09:00'));
    expect(await reminders(done)).toEqual([]);
  });

  it('two concurrent scans create each reminder once', async () => {
    const id = await item({ status: 'received', acceptDueAt: at('2026-12-01', '17:30') });
    const now = at('2026-12-02', '09:00');
    const results = await Promise.all([scanDeadlines(t.db, now), scanDeadlines(t.db, now), scanDeadlines(t.db, now)]);
    expect(await reminders(id)).toEqual([{ userId: w.users.admin.id, kind: 'accept_overdue' }]);
    expect(results.every((r) => r.hits >= 1)).toBe(true);
  });
});

describe('deliverOutbox', () => {
  it('two concurrent workers send each row once and mark it sent', async () => {
    const now = new Date();
    for (let i = 0; i < 12; i++)
      await enqueue(
        t.db,
        {
          channel: i % 2 ? 'sms' : 'email',
          recipient: i % 2 ? '13812345678' : `c${i}@example.org`,
          subject: 's',
          body: `b${i}`,
          dedupeKey: `test:${i}`,
        },
        now,
      );
    expect(await enqueue(t.db, { channel: 'email', recipient: 'x@y', body: 'dup', dedupeKey: 'test:0' }, now)).toBe(
      false,
    );
    const mailer = createLogMailer(quiet);
    const sms = createLogSms(quiet);
    const [a, b] = await Promise.all([
      deliverOutbox(t.db, mailer, sms, now, 5),
      deliverOutbox(t.db, mailer, sms, now, 5),
    ]);
    const rest = await deliverOutbox(t.db, mailer, sms, now, 50);
    expect(a.sent + b.sent + rest.sent).toBe(12);
    expect(mailer.sent.map((m) => m.text).sort()).toEqual(['b0', 'b10', 'b2', 'b4', 'b6', 'b8']);
    expect(sms.sent).toHaveLength(6);
    const st = await t.db.execute(
      sql`select status, count(*)::int as n from outbox where dedupe_key like 'test:%' group by status`,
    );
    expect(st.rows).toEqual([{ status: 'sent', n: 12 }]);
    expect((await deliverOutbox(t.db, mailer, sms, now)).sent).toBe(0);
  });

  it('a failing send is retried with backoff and marked failed after the last attempt', async () => {
    let now = new Date('2030-01-01T00:00:00Z');
    await enqueue(t.db, { channel: 'email', recipient: 'bad@example.org', body: 'x', dedupeKey: 'fail:1' }, now);
    const broken: Mailer = {
      kind: 'log',
      send: async () => {
        throw new Error('550 mailbox unavailable');
      },
    };
    const sms = createLogSms(quiet);
    expect(await deliverOutbox(t.db, broken, sms, now)).toEqual({ sent: 0, failed: 0, retried: 1 });
    expect((await deliverOutbox(t.db, broken, sms, now)).retried).toBe(0); // not due again yet
    for (let i = 2; i <= OUTBOX_MAX_ATTEMPTS; i++) {
      now = new Date(now.getTime() + 2 * 3_600_000);
      await deliverOutbox(t.db, broken, sms, now);
    }
    const row = (
      await t.db.execute(
        sql`select status, attempts, last_error as "lastError" from outbox where dedupe_key = 'fail:1'`,
      )
    ).rows[0];
    expect(row).toEqual({ status: 'failed', attempts: OUTBOX_MAX_ATTEMPTS, lastError: '550 mailbox unavailable' });
  });
});

describe('startScheduler', () => {
  it('runs a scan and a delivery per tick and stops cleanly', async () => {
    const id = await item({ status: 'received', acceptDueAt: at('2027-03-01', '17:30') });
    const mailer = createLogMailer(quiet);
    const s = startScheduler({ ...t.deps, now: () => at('2027-03-02', '09:00') }, 60_000, {
      mailer,
      sms: createLogSms(quiet),
    });
    await Promise.all([s.tick(), s.tick()]);
    await s.stop();
    expect(await reminders(id)).toEqual([{ userId: w.users.admin.id, kind: 'accept_overdue' }]);
  });
});
