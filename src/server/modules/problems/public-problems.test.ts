// 民生问题 in public: only published problems, ranked by people; no names, phones, addresses or item texts anywhere;
// items not 'normal' in confidentiality left out of every count and list; published evidence only; the citizen's
// tracking page links the problems their item belongs to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProblemWorld, PDF, PNG, type ProblemWorld, uploadEvidence } from './problems.test-helper.js';

let p: ProblemWorld;
let id: number;
let hidden: number;
let small: number;
let code: string;
let publishedEvidence: number;
let privateEvidence: number;
const anon = (url: string) => p.t.app.inject({ method: 'GET', url });

beforeAll(async () => {
  p = await buildProblemWorld();
  const { w, admin } = p;
  const a = await p.item({
    title: '鹤鹿溪村养殖场臭气熏天',
    content: '我是王秀英，住鹤鹿溪村8组12号，电话13588886666，身份证330523198001011234，拉粪车车牌浙E·D12345。',
    regionId: w.villA2.id,
    originators: [{ kind: 'citizen', name: '王秀英', phone: '13588886666', email: 'wxy@example.org' }],
  });
  code = a.trackingCode;
  const b = await p.item({
    title: '古城村养猪场污水',
    regionId: w.villA1.id,
    channel: 'phone',
    originators: [
      { kind: 'citizen', name: '李建国', phone: '13711112222' },
      { kind: 'member', memberId: w.m1.id },
    ],
  });
  const secret = await p.item({
    title: '内部反映：某干部包庇养殖户',
    regionId: w.villA1.id,
    confidentiality: 'internal',
    originators: [{ kind: 'citizen', name: '赵秘密', phone: '13099990000' }],
  });
  const created = await admin.post('/api/v1/problems', {
    title: '农村养殖污染严重',
    summary: '多个村反映养殖污染，李建国等群众多次来电',
    regionId: w.townA.id,
    year: 2026,
    goal: '年底前完成整治',
    leadDepartmentId: w.deptA.id,
    opinionIds: [a.id, b.id, secret.id],
  });
  id = created.json().id;
  await admin.post(`/api/v1/problems/${id}/milestones`, {
    title: '排查养殖场',
    progress: 60,
    reachedAt: '2026-10-01',
    note: '已联系王秀英（13588886666）核实，车牌浙E·D12345',
  });
  publishedEvidence = (await uploadEvidence(admin, id, { kind: 'photo', title: '整治前' }, PNG)).json().id;
  privateEvidence = (
    await uploadEvidence(admin, id, { kind: 'document', title: '内部记录', published: 'false' }, PDF)
  ).json().id;
  await admin.post(`/api/v1/problems/${id}/status`, { status: 'confirmed' });
  const s = await admin.post('/api/v1/problems', {
    title: '孝丰断头路',
    regionId: w.townB.id,
    year: 2026,
    opinionIds: [(await p.item({ regionId: w.villB1.id })).id],
  });
  small = s.json().id;
  const h = await admin.post('/api/v1/problems', {
    title: '未公开的问题',
    regionId: w.townA.id,
    year: 2026,
    opinionIds: [a.id],
  });
  hidden = h.json().id;
  await admin.patch(`/api/v1/problems/${hidden}`, { published: false });
});
afterAll(async () => {
  await p?.t.close();
});

const PII = [
  '王秀英',
  '13588886666',
  'wxy@example.org',
  '李建国',
  '13711112222',
  '张三',
  '赵秘密',
  '13099990000',
  '8组12号',
  '330523198001011234',
  'D12345',
];
const ITEM_TEXT = ['臭气熏天', '养猪场污水', '包庇', '我是'];

describe('public problems', () => {
  it('lists published problems of the county ranked by people, without names, phones or item texts', async () => {
    const res = await anon('/api/v1/public/problems?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.region).toMatchObject({ level: 'county' });
    expect(body.problems.map((x: any) => x.id)).toEqual([id, small]);
    expect(body.problems[0]).toMatchObject({
      title: '农村养殖污染严重',
      status: 'confirmed',
      progress: 60,
      peopleCount: 3, // 王秀英, 李建国, 张三 — not the internal item's 赵秘密
      itemCount: 2,
      leadDepartmentName: '递铺街道农业办',
      regionName: '递铺街道',
    });
    expect(body.townships).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: p.w.townA.id, name: '递铺街道', problemCount: 1 })]),
    );
    for (const s of [...PII, ...ITEM_TEXT]) expect(res.body).not.toContain(s);
    expect(res.body).not.toContain('未公开的问题');
  });

  it('lists one township', async () => {
    const body = (await anon(`/api/v1/public/problems?regionId=${p.w.townB.id}`)).json();
    expect(body.region).toEqual({ id: p.w.townB.id, name: '孝丰镇', level: 'township' });
    expect(body.problems.map((x: any) => x.id)).toEqual([small]);
  });

  it('details a published problem without PII and without the internal item', async () => {
    const res = await anon(`/api/v1/public/problems/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({
      title: '农村养殖污染严重',
      goal: '年底前完成整治',
      peopleCount: 3,
      itemCount: 2,
      progress: 60,
    });
    expect(d.countsByVillage).toEqual(
      expect.arrayContaining([
        { regionId: p.w.villA1.id, name: '古城村', count: 1 },
        { regionId: p.w.villA2.id, name: '鹤鹿溪村', count: 1 },
      ]),
    );
    expect(d.countsByChannel).toEqual(
      expect.arrayContaining([
        { channel: 'letter', count: 1 },
        { channel: 'phone', count: 1 },
      ]),
    );
    expect(d.milestones).toEqual([
      expect.objectContaining({
        title: '排查养殖场',
        progress: 60,
        reachedAt: '2026-10-01',
      }),
    ]);
    expect(d.evidence).toEqual([
      expect.objectContaining({
        id: publishedEvidence,
        kind: 'photo',
        url: `/api/v1/public/problems/${id}/evidence/${publishedEvidence}`,
      }),
    ]);
    expect(d.events.map((e: any) => e.type)).toEqual(
      expect.arrayContaining(['created', 'milestone_reached', 'status']),
    );
    expect(d).not.toHaveProperty('items');
    // the office's own texts are redacted too: the originators' names and phones typed into them are hidden
    expect(d.summary).toBe('多个村反映养殖污染，【已隐去】等群众多次来电');
    expect(d.milestones[0].note).toContain('【已隐去】');
    for (const s of [...PII, ...ITEM_TEXT]) expect(res.body).not.toContain(s);
  });

  it('serves only published evidence, and nothing of unpublished problems', async () => {
    const ok = await anon(`/api/v1/public/problems/${id}/evidence/${publishedEvidence}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toBe('image/png');
    expect((await anon(`/api/v1/public/problems/${id}/evidence/${privateEvidence}`)).statusCode).toBe(404);
    expect((await anon(`/api/v1/public/problems/${small}/evidence/${publishedEvidence}`)).statusCode).toBe(404);
    expect((await anon(`/api/v1/public/problems/${hidden}`)).statusCode).toBe(404);
    expect((await anon('/api/v1/public/problems/999999')).statusCode).toBe(404);
    expect((await anon('/api/v1/public/problems/abc')).statusCode).toBe(400);
    expect((await anon('/api/v1/public/problems?regionId=abc')).statusCode).toBe(400);
    expect((await anon(`/api/v1/public/problems?regionId=${p.w.villA1.id}`)).statusCode).toBe(404);
  });

  it('links the tracking page to the published problems of the item', async () => {
    const view = (await anon(`/api/v1/public/opinions/${code}`)).json();
    expect(view.problems).toEqual([{ id, title: '农村养殖污染严重', status: 'confirmed', progress: 60 }]);
    // The item's own text on the tracking page hides the licence plate like the phone and ID.
    expect(view.content).toContain('拉粪车车牌【已隐去】');
    expect(view.content).not.toContain('D12345');
  });

  it('carries the outcome of a solved problem in the board list, redacted, and none for open ones', async () => {
    for (const status of ['confirmed', 'in_progress'])
      expect((await p.admin.post(`/api/v1/problems/${small}/status`, { status })).statusCode).toBe(200);
    const solved = await p.admin.post(`/api/v1/problems/${small}/status`, {
      status: 'solved',
      outcome: '断头路已打通，有问题请联系13512345678',
    });
    expect(solved.statusCode, solved.body).toBe(200);
    const body = (await anon('/api/v1/public/problems?year=2026')).json();
    const byId = new Map(body.problems.map((x: any) => [x.id, x]));
    expect(byId.get(small)).toMatchObject({ status: 'solved', outcome: '断头路已打通，有问题请联系【已隐去】' });
    expect(byId.get(id)).toMatchObject({ outcome: '' });
  });
});
