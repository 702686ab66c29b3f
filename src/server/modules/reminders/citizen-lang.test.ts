// A citizen who used the form in Uyghur (or English) is written to in that language afterwards too: the feedback SMS
// and e-mail when the office answers, on both intake paths; a Chinese form keeps Chinese messages.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { opinionCategories } from '../../db/schema.js';

let t: TestApp;
let w: World;
let admin: Client;
let categoryId: number;
let ip = 0;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  admin = await login(t.app, 'admin');
  const [leaf] = await t.db.insert(opinionCategories).values({ name: '道路照明' }).returning();
  categoryId = leaf.id;
});
afterAll(() => t.close());

async function submitAndAnswer(lang: string, phone: string, multipart = false): Promise<any[]> {
  const fields = {
    title: `路灯不亮 ${phone}`,
    content: '村口路灯坏了一个月。',
    categoryId: String(categoryId),
    regionId: String(w.villA2.id),
    name: '阿依古丽',
    phone,
    email: `${phone}@example.org`,
    consent: 'true',
  };
  const headers = { 'accept-language': lang };
  let res: Awaited<ReturnType<typeof t.app.inject>>;
  if (multipart) {
    const b = 'XlangBoundary';
    let body = '';
    for (const [k, v] of Object.entries(fields))
      body += `--${b}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
    body += `--${b}--\r\n`;
    res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/opinions',
      payload: body,
      remoteAddress: `10.88.0.${++ip}`,
      headers: { ...headers, 'content-type': `multipart/form-data; boundary=${b}` },
    });
  } else {
    res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/opinions',
      payload: { ...fields, categoryId, regionId: w.villA2.id, consent: true },
      remoteAddress: `10.88.0.${++ip}`,
      headers,
    });
  }
  expect(res.statusCode, res.body).toBe(201);
  const { trackingCode } = res.json();
  const id = (await t.db.execute(sql`select id from opinions where tracking_code = ${trackingCode}`)).rows[0].id;
  for (const [action, payload] of [
    ['accept', {}],
    ['reply_directly', { content: '已修复。' }],
    ['send_feedback', {}],
  ] as const) {
    const r = await admin.post(`/api/v1/opinions/${id}/transitions`, { action, ...payload });
    expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
  }
  return (
    await t.db.execute(sql`select channel, subject, body from outbox where opinion_id = ${id}
      and dedupe_key like 'feedback:%' order by channel`)
  ).rows as any[];
}

describe('citizen messages follow the form language', () => {
  it('Uyghur form (JSON): feedback SMS and e-mail in Uyghur', async () => {
    const [mail, sms] = await submitAndAnswer('ug', '13900001111');
    expect(sms.body).toContain('سۈرۈشتۈرۈش نومۇرى');
    expect(sms.body).not.toContain('查询码');
    expect(mail.subject).toContain('جاۋاب');
  });

  it('English form (multipart): feedback in English', async () => {
    const [mail, sms] = await submitAndAnswer('en', '13900002222', true);
    expect(sms.body).toContain('tracking code');
    expect(mail.body).toContain('has been answered');
  });

  it('Chinese form: feedback in Chinese', async () => {
    const [, sms] = await submitAndAnswer('zh-CN', '13900003333');
    expect(sms.body).toContain('查询码');
  });
});
