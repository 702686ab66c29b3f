// Two real server processes (`jielian serve`, different ports) on one PostgreSQL database with FILE_STORE=database,
// as behind a load balancer: a scripted day round-robins across them and everything must agree. Sessions, uploads,
// public and sign-in limits, transitions and the outbox live in the database, so neither process may hold state the
// other needs. PostgreSQL suite only (`npm run test:pg`).
import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../tests/setup/world.js';
import type { Database } from './db/client.js';
import { opinionCategories } from './db/schema.js';

const PASSWORD = 'Demo@2026';
const SUBMIT_MAX = 4;

interface Server {
  name: string;
  base: string;
  child: ChildProcess;
  output: () => string;
}
interface Session {
  cookie: string;
  csrf: string;
}
interface Call {
  body?: unknown;
  form?: FormData;
  session?: Session;
  ip?: string;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

const png = (n: number) =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(n - 8)]);
const pdf = (n: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), crypto.randomBytes(n - 9)]);

/** One HTTP call to a server: JSON or a form, a session's cookie and CSRF token, a client address via the proxy. */
async function call(srv: Server, method: string, url: string, o: Call = {}) {
  const headers: Record<string, string> = { 'accept-language': 'en' };
  if (o.session) Object.assign(headers, { cookie: o.session.cookie, 'x-csrf-token': o.session.csrf });
  if (o.ip) headers['x-forwarded-for'] = o.ip;
  let body: BodyInit | undefined;
  if (o.form) body = o.form;
  else if (o.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(o.body);
  }
  const res = await fetch(`${srv.base}/api/v1${url}`, { method, headers, body });
  const raw = Buffer.from(await res.arrayBuffer());
  const json = () => JSON.parse(raw.toString('utf8'));
  return { status: res.status, raw, json, headers: res.headers, setCookie: res.headers.getSetCookie() };
}

function startServer(name: string, port: number, env: Record<string, string>): Server {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--no-demo'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return { name, base: `http://127.0.0.1:${port}`, child, output: () => out };
}

async function waitHealthy(s: Server) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ok = await fetch(`${s.base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (s.child.exitCode !== null || Date.now() > deadline) throw new Error(`${s.name} did not start:\n${s.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('two server processes on one PostgreSQL', () => {
  let database: Database;
  let w: World;
  let categoryId = 0;
  let A: Server;
  let B: Server;
  const dirs: string[] = [];
  const sms: { phone: string; text: string }[] = [];
  let sink: http.Server;
  const db = () => database.db;

  beforeAll(async () => {
    database = await openTestDatabase();
    w = await buildWorld(database.db);
    const [c] = await database.db.insert(opinionCategories).values({ name: '道路照明' }).returning();
    categoryId = c.id;
    // The SMS gateway both processes deliver to: each message it receives is recorded.
    sink = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        sms.push(JSON.parse(body));
        setTimeout(() => res.end('ok'), 20);
      });
    });
    await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
    const url = (database.pool as unknown as { options: { connectionString: string } }).options.connectionString;
    const env = (): Record<string, string> => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jl-2p-'));
      dirs.push(dir);
      return {
        DATABASE_URL: url,
        FILE_STORE: 'database',
        DATA_DIR: dir, // each its own folder: nothing on disk is shared
        TRUST_PROXY: '127.0.0.1',
        LOG_LEVEL: 'warn',
        REMINDERS: '1',
        REMINDER_INTERVAL_SECONDS: '1',
        SMS_HTTP_URL: `http://127.0.0.1:${(sink.address() as net.AddressInfo).port}/sms`,
        SMTP_URL: '',
        PUBLIC_SUBMIT_MAX: String(SUBMIT_MAX),
        LOGIN_PAIR_MAX_FAILURES: '3',
      };
    };
    const [pa, pb] = [await freePort(), await freePort()];
    A = startServer('A', pa, env());
    B = startServer('B', pb, env());
    await Promise.all([waitHealthy(A), waitHealthy(B)]);
  }, 120_000);

  afterAll(async () => {
    for (const s of [A, B]) {
      if (!s || s.child.exitCode !== null) continue;
      s.child.kill('SIGTERM');
      await new Promise((r) => s.child.once('exit', r));
    }
    await new Promise((r) => sink?.close(r));
    await database?.close();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  const signIn = async (srv: Server, username: string, ip = '10.0.0.1'): Promise<Session> => {
    const res = await call(srv, 'POST', '/auth/login', { body: { username, password: PASSWORD }, ip });
    expect(res.status, res.raw.toString()).toBe(200);
    return { cookie: res.setCookie[0].split(';')[0], csrf: res.json().csrfToken };
  };
  const citizenForm = (i: number, files: Buffer[]) => {
    const f = new FormData();
    f.set('title', `路灯不亮 ${i}`);
    f.set('content', '村口路灯坏了一个月，夜间出行不安全。');
    f.set('categoryId', String(categoryId));
    f.set('regionId', String(w.villA2.id));
    f.set('phone', `1391234${String(i).padStart(4, '0')}`);
    f.set('consent', 'true');
    f.set('website', '');
    for (const [n, d] of files.entries()) f.append('file', new Blob([new Uint8Array(d)]), `照片${n}.png`);
    return f;
  };

  it('runs a day across both processes and both agree on everything', async () => {
    const both = [A, B];
    const other = (s: Server) => (s === A ? B : A);

    // Signed in on A, the session works on B (reads and CSRF-checked writes), and signing out on B ends it on A.
    const member = await signIn(A, 'member1');
    expect((await call(B, 'GET', '/auth/me', { session: member })).json().user.username).toBe('member1');
    const admin = await signIn(B, 'admin');
    expect((await call(A, 'GET', '/auth/me', { session: admin })).status).toBe(200);

    // A member records a visit with photos on A; B lists and serves the same bytes.
    const act = await call(A, 'POST', '/activities', {
      session: member,
      body: {
        date: '2026-07-01',
        regionId: w.villA1.id,
        methods: ['visit'],
        purposes: ['opinions'],
        representativeIds: [w.rep1.id],
        opinions: '村口道路坑洼，雨天积水严重。',
      },
    });
    expect(act.status, act.raw.toString()).toBe(201);
    const actId = act.json().id;
    const photos = [png(600_000), png(90_000)];
    const photoIds: number[] = [];
    for (const [i, p] of photos.entries()) {
      const f = new FormData();
      f.set('kind', 'photo');
      f.append('file', new Blob([new Uint8Array(p)]), `现场${i}.png`);
      const up = await call(both[i % 2], 'POST', `/activities/${actId}/attachments`, { session: member, form: f });
      expect(up.status, up.raw.toString()).toBe(201);
      photoIds.push(up.json().id);
    }
    for (const [i, id] of photoIds.entries()) {
      const got = await call(both[(i + 1) % 2], 'GET', `/activities/${actId}/attachments/${id}`, { session: member });
      expect(got.status).toBe(200);
      expect(got.headers.get('content-length')).toBe(String(photos[i].length));
      expect(got.raw.equals(photos[i])).toBe(true);
    }

    // Citizens submit with photos on both processes.
    const citizen: { code: string; files: Buffer[]; on: Server }[] = [];
    for (let i = 0; i < 4; i++) {
      const files = [png(300_000 + i), png(5_000)];
      const srv = both[i % 2];
      const res = await call(srv, 'POST', '/public/opinions', { form: citizenForm(i, files), ip: `10.1.0.${i + 1}` });
      expect(res.status, res.raw.toString()).toBe(201);
      citizen.push({ code: res.json().trackingCode, files, on: srv });
    }
    const idOf = async (code: string) =>
      Number(((await db().execute(sql`select id from opinions where tracking_code = ${code}`)).rows[0] as any).id);

    // The same move sent to both processes at once happens once.
    const first = await idOf(citizen[0].code);
    const race = await Promise.all(
      both.map((s) =>
        call(s, 'POST', `/opinions/${first}/transitions`, { session: admin, body: { action: 'accept' } }),
      ),
    );
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);

    // Staff work each item alternating processes: accept, a direct reply with a file, feedback; the office reads the
    // citizen's files on the process that did not receive them.
    const replies: Buffer[] = [];
    for (const [i, c] of citizen.entries()) {
      const id = await idOf(c.code);
      const s1 = both[i % 2];
      const s2 = other(s1);
      if (i > 0)
        expect(
          (await call(s1, 'POST', `/opinions/${id}/transitions`, { session: admin, body: { action: 'accept' } }))
            .status,
        ).toBe(200);
      const list = (await call(s2, 'GET', `/opinions/${id}/attachments`, { session: admin })).json().items;
      expect(list.length).toBe(2);
      for (const [n, a] of list.entries()) {
        const got = await call(other(c.on), 'GET', `/opinions/${id}/attachments/${a.id}`, { session: admin });
        expect(got.raw.equals(c.files[n])).toBe(true);
      }
      const reply = pdf(280_000 + i);
      replies.push(reply);
      const f = new FormData();
      f.set('action', 'reply_directly');
      f.set('content', '已安排维修，三日内修复。');
      f.append('file', new Blob([new Uint8Array(reply)]), '答复函.pdf');
      const ans = await call(s2, 'POST', `/opinions/${id}/answer`, { session: admin, form: f });
      expect(ans.status, ans.raw.toString()).toBe(200);
      const fb = await call(s1, 'POST', `/opinions/${id}/transitions`, {
        session: admin,
        body: { action: 'send_feedback' },
      });
      expect(fb.status, fb.raw.toString()).toBe(200);
    }

    // The citizen reads the reply on one process, downloads its file and rates on the other.
    for (const [i, c] of citizen.entries()) {
      const s1 = both[(i + 1) % 2];
      const view = await call(s1, 'GET', `/public/opinions/${c.code}`, { ip: `10.1.0.${i + 1}` });
      expect(view.json()).toMatchObject({ status: expect.any(String), publicReply: '已安排维修，三日内修复。' });
      const [file] = view.json().replyAttachments;
      const got = await call(other(s1), 'GET', `/public/opinions/${c.code}/attachments/${file.id}`, {
        ip: `10.1.0.${i + 1}`,
      });
      expect(got.raw.equals(replies[i])).toBe(true);
      const rated = await call(other(s1), 'POST', `/public/opinions/${c.code}/rating`, {
        body: { rating: 'satisfied' },
        ip: `10.1.0.${i + 1}`,
      });
      expect(rated.status, rated.raw.toString()).toBe(200);
    }
    const statuses = await db().execute(sql`select status, count(*)::int as n from opinions group by status`);
    expect(statuses.rows).toEqual([{ status: 'closed', n: 4 }]);

    // One address's public submissions are counted across both processes: the limit holds in total, not per process.
    const spam = [];
    for (let i = 0; i < SUBMIT_MAX + 2; i++)
      spam.push(
        (await call(both[i % 2], 'POST', '/public/opinions', { form: citizenForm(100 + i, []), ip: '10.9.9.9' }))
          .status,
      );
    expect(spam).toEqual([...Array(SUBMIT_MAX).fill(201), 429, 429]);

    // Sign-in failures are counted across both processes too: the third wrong password (on A) already waits, and so
    // does the right one on B.
    const tries = [];
    for (const s of [A, B, A])
      tries.push(
        (
          await call(s, 'POST', '/auth/login', {
            body: { username: 'member2', password: 'Wrong#Pass1' },
            ip: '10.8.8.8',
          })
        ).status,
      );
    expect(tries).toEqual([401, 401, 429]);
    expect(
      (await call(B, 'POST', '/auth/login', { body: { username: 'member2', password: PASSWORD }, ip: '10.8.8.8' }))
        .status,
    ).toBe(429);

    // Signing out on B ends the session on A, where it is cached: A hears of it through its listening connection
    // (jl_auth, db/auth-changes.ts), within milliseconds, not through a request. A stays with 401 from then on.
    expect((await call(A, 'GET', '/auth/me', { session: member })).status).toBe(200);
    expect((await call(B, 'POST', '/auth/logout', { session: member })).status).toBe(200);
    await expect.poll(async () => (await call(A, 'GET', '/auth/me', { session: member })).status).toBe(401);
    for (let i = 0; i < 3; i++) expect((await call(A, 'GET', '/auth/me', { session: member })).status).toBe(401);

    // Nothing half-written, nothing orphaned: every stored file is finished and recorded by exactly one attachment.
    const files = (
      await db().execute(sql`select count(*)::int as n, count(completed_at)::int as done,
        (select count(*)::int from attachments) + (select count(*)::int from opinion_attachments) as recorded
        from stored_files`)
    ).rows[0] as { n: number; done: number; recorded: number };
    expect(files).toEqual({ n: 2 + 4 * 3, done: 2 + 4 * 3, recorded: 2 + 4 * 3 });

    // The outbox (feedback SMS to the citizens, plus a batch queued directly) is delivered once, by whichever process
    // claims each row: every SMS reached the gateway exactly once.
    await db().execute(sql`insert into outbox (channel, recipient, body, dedupe_key)
      select 'sms', '1380000' || lpad(g::text, 4, '0'), '提醒 ' || g, 'two-process-' || g from generate_series(1, 60) g`);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const left = (
        await db().execute(sql`select count(*)::int as n from outbox where status in ('pending', 'sending')`)
      ).rows[0] as { n: number };
      if (left.n === 0) break;
      if (Date.now() > deadline) throw new Error(`outbox not delivered: ${left.n} left\n${A.output()}\n${B.output()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const rows = (await db().execute(sql`select recipient, body, status, attempts from outbox where channel = 'sms'`))
      .rows as { recipient: string; body: string; status: string; attempts: number }[];
    expect(rows.length).toBe(64);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    const got = sms.map((m) => `${m.phone}|${m.text}`).sort();
    expect(got).toEqual(rows.map((r) => `${r.recipient}|${r.body}`).sort());
    expect(new Set(got).size).toBe(got.length);
  }, 90_000);
});
