// Citizens keep hold of their case: the tracking link by SMS or mail at submission (both intake paths, in the form's
// language, only when asked, once), the handling unit and due date on the tracking view, and 我的社情民意 by phone
// with a one-time SMS code.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { opinionCategories } from '../../db/schema.js';

const ORIGIN = 'https://zx.example.gov.cn';
let t: TestApp;
let w: World;
let categoryId: number;
let ipSeq = 0;
let clock = new Date('2026-03-02T02:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: () => clock, config: { publicOrigin: ORIGIN } as any });
  w = await buildWorld(t.db);
  const [leaf] = await t.db.insert(opinionCategories).values({ name: '道路照明' }).returning();
  categoryId = leaf.id;
});
afterAll(() => t.close());

const newIp = () => `10.77.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;
const form = (over: Record<string, unknown> = {}) => ({
  title: '村口路灯不亮',
  content: '村口路灯坏了一个月，夜间出行不安全。',
  categoryId,
  regionId: w.villA2.id,
  name: '张大爷',
  phone: '',
  email: '',
  consent: true,
  ...over,
});
const submit = (body: unknown, lang = 'zh-CN', headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/public/opinions',
    payload: body as any,
    remoteAddress: newIp(),
    headers: { 'accept-language': lang, ...headers },
  });
function multipart(fields: Record<string, string>, lang: string, headers: Record<string, string> = {}) {
  const b = 'XkeepholdBoundary';
  let body = '';
  for (const [k, v] of Object.entries(fields))
    body += `--${b}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  body += `--${b}\r\ncontent-disposition: form-data; name="file"; filename="a.png"\r\ncontent-type: image/png\r\n\r\n`;
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );
  const payload = Buffer.concat([Buffer.from(body), png, Buffer.from(`\r\n--${b}--\r\n`)]);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/public/opinions',
    payload,
    remoteAddress: newIp(),
    headers: { 'content-type': `multipart/form-data; boundary=${b}`, 'accept-language': lang, ...headers },
  });
}
const rows = async (q: ReturnType<typeof sql>) => (await t.db.execute(q)).rows as any[];
const outboxOf = (code: string) =>
  rows(sql`select x.channel, x.recipient, x.subject, x.body, x.dedupe_key as "dedupeKey" from outbox x
    join opinions o on o.id = x.opinion_id where o.tracking_code = ${code} order by x.channel`);

describe('tracking link at submission', () => {
  it('JSON form: one SMS in the form language with the link, only when asked', async () => {
    const res = await submit(form({ phone: '139 1234 0001', sendLink: true }), 'ug');
    expect(res.statusCode).toBe(201);
    const code = res.json().trackingCode;
    const out = await outboxOf(code);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ channel: 'sms', recipient: '13912340001' });
    expect(out[0].body).toContain(`${ORIGIN}/public/opinions/${code}`);
    expect(out[0].body).toContain('سىياسىي');
    const silent = (await submit(form({ phone: '13912340001' }))).json().trackingCode;
    expect(await outboxOf(silent)).toHaveLength(0);
  });

  it('JSON form: e-mail in English, and a retry with the same key sends nothing more', async () => {
    const body = form({ email: 'li@example.com', sendLink: true, title: 'Street light' });
    const first = await submit(body, 'en', { 'idempotency-key': 'k-mail-1' });
    const again = await submit(body, 'en', { 'idempotency-key': 'k-mail-1' });
    expect([first.statusCode, again.statusCode]).toEqual([201, 200]);
    const out = await outboxOf(first.json().trackingCode);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ channel: 'email', recipient: 'li@example.com' });
    expect(out[0].subject).toContain('tracking code');
    expect(out[0].body).toContain(`${ORIGIN}/public/opinions/${first.json().trackingCode}`);
  });

  it('multipart form: SMS and mail in Chinese when asked, once; nothing when not asked', async () => {
    const fields = {
      title: '有附件的反映',
      content: '附图说明情况。',
      categoryId: String(categoryId),
      regionId: String(w.villA2.id),
      phone: '13912340002',
      email: 'wang@example.com',
      consent: 'true',
      sendLink: 'true',
    };
    const first = await multipart(fields, 'zh-CN', { 'idempotency-key': 'mp-1' });
    expect(first.statusCode).toBe(201);
    const again = await multipart(fields, 'zh-CN', { 'idempotency-key': 'mp-1' });
    expect(again.statusCode).toBe(200);
    const code = first.json().trackingCode;
    const out = await outboxOf(code);
    expect(out.map((o) => o.channel)).toEqual(['email', 'sms']);
    expect(out[1].body).toContain('查询码');
    expect(out[1].body).toContain(`${ORIGIN}/public/opinions/${code}`);
    const quiet = await multipart({ ...fields, sendLink: 'false' }, 'zh-CN');
    expect(await outboxOf(quiet.json().trackingCode)).toHaveLength(0);
  });
});

describe('tracking view', () => {
  it('shows the handling unit once forwarded, and the due date', async () => {
    const code = (await submit(form())).json().trackingCode;
    const view = async () =>
      (await t.app.inject({ method: 'GET', url: `/api/v1/public/opinions/${code}`, remoteAddress: newIp() })).json();
    expect(await view()).toMatchObject({ handlingUnit: null, dueDate: null });
    const [{ id }] = await rows(sql`select id from opinions where tracking_code = ${code}`);
    await t.db.execute(sql`update opinions set status = 'forwarded', lead_department_id = ${w.deptA.id},
      deadline = '2026-04-15' where id = ${id}`);
    expect((await view()).handlingUnit).toBeNull(); // no forward yet: no unit shown
    await t.db.execute(sql`insert into opinion_events (opinion_id, type, from_status, to_status, actor_kind, actor_name)
      values (${id}, 'forward', 'accepted', 'forwarded', 'user', '办公室')`);
    expect(await view()).toMatchObject({ handlingUnit: w.deptA.name, dueDate: '2026-04-15' });
  });
});

describe('my items by phone', () => {
  const askCode = (phone: string, ip = newIp()) =>
    t.app.inject({ method: 'POST', url: '/api/v1/public/lookup/code', payload: { phone }, remoteAddress: ip });
  const verify = (phone: string, code: string, ip = newIp()) =>
    t.app.inject({ method: 'POST', url: '/api/v1/public/lookup/verify', payload: { phone, code }, remoteAddress: ip });
  const lastCode = async (phone: string) => {
    const [row] = await rows(sql`select body from outbox where dedupe_key like 'lookup-code:%' and recipient = ${phone}
      order by id desc limit 1`);
    return row ? (/\d{6}/.exec(row.body)?.[0] ?? null) : null;
  };
  const PHONE = '13712345601';

  it('answers the same for an unknown phone and sends nothing', async () => {
    const res = await askCode('13700000000');
    expect(res.statusCode).toBe(202);
    expect(await lastCode('13700000000')).toBeNull();
    const mine = await submit(form({ phone: PHONE, title: '我的第一件' }));
    expect(mine.statusCode).toBe(201);
    const known = await askCode('137-1234-5601');
    expect(known.statusCode).toBe(202);
    expect(known.json()).toEqual(res.json());
    expect(await lastCode(PHONE)).toMatch(/^\d{6}$/);
  });

  it('lists only that phone’s normal items, merged ones pointing to their target; the code works once', async () => {
    const other = (await submit(form({ phone: '13712345699', title: '别人的' }))).json().trackingCode;
    const secret = (await submit(form({ phone: PHONE, title: '保密件' }))).json().trackingCode;
    await t.db.execute(sql`update opinions set confidentiality = 'confidential' where tracking_code = ${secret}`);
    const merged = (await submit(form({ phone: PHONE, title: '被合并件' }))).json().trackingCode;
    const target = (await submit(form({ phone: '13712345698', title: '合并目标' }))).json().trackingCode;
    await t.db.execute(sql`update opinions set status = 'merged',
      merged_into_id = (select id from opinions where tracking_code = ${target}) where tracking_code = ${merged}`);
    expect((await askCode(PHONE)).statusCode).toBe(202);
    const code = (await lastCode(PHONE)) as string;
    const res = await verify(PHONE, code);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as any[];
    const codes = items.map((i) => i.trackingCode);
    expect(codes).not.toContain(other);
    expect(codes).not.toContain(secret);
    expect(items.map((i) => i.title).sort()).toEqual(['我的第一件', '被合并件'].sort());
    expect(items.find((i) => i.trackingCode === merged)).toMatchObject({ status: 'merged', mergedInto: target });
    expect(items[0]).toHaveProperty('receivedAt');
    expect((await verify(PHONE, code)).statusCode).toBe(400); // used up
  });

  it('a code expires after 10 minutes', async () => {
    expect((await askCode(PHONE)).statusCode).toBe(202);
    const code = (await lastCode(PHONE)) as string;
    clock = new Date(clock.getTime() + 10 * 60_000 + 1000);
    const res = await verify(PHONE, code);
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].path).toBe('code');
  });

  it('voids a code after 5 wrong tries', async () => {
    clock = new Date(clock.getTime() + 60 * 60_000);
    expect((await askCode(PHONE)).statusCode).toBe(202);
    const code = (await lastCode(PHONE)) as string;
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await verify(PHONE, wrong)).statusCode).toBe(400);
    expect((await verify(PHONE, code)).statusCode).toBe(400);
    const [row] = await rows(sql`select code_hash from public_lookup_codes order by id desc limit 1`);
    expect(row.code_hash).not.toContain(code); // stored hashed
  });

  it('limits code requests per phone and per address', async () => {
    clock = new Date(clock.getTime() + 2 * 60 * 60_000);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await askCode('13712349999')).statusCode);
    expect(answers).toEqual([202, 202, 202, 429]);
    const ip = '10.99.0.1';
    const fromOne = [];
    for (let i = 0; i < 11; i++) fromOne.push((await askCode(`1371111${String(1000 + i)}`, ip)).statusCode);
    expect(fromOne.slice(0, 10).every((s) => s === 202)).toBe(true);
    expect(fromOne[10]).toBe(429);
  });

  it('sends no code to a landline, with the same answer', async () => {
    expect((await submit(form({ phone: '0571-88881234' }))).statusCode).toBe(201);
    const res = await askCode('0571-88881234');
    expect(res.statusCode).toBe(202);
    expect(await lastCode('0571-88881234')).toBeNull();
  });

  it('refuses a malformed phone or code with 400', async () => {
    expect((await askCode('abc')).statusCode).toBe(400);
    expect((await verify(PHONE, '12ab')).statusCode).toBe(400);
  });
});
