// Shared set-up of the 民生问题 tests: the fixture world plus departments, officers and items with originators.
import { sql } from 'drizzle-orm';
import { type Client, createTestApp, login, type TestApp } from '../../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../../tests/setup/world.js';
import { buildDepartment, buildUser } from '../../db/seed/factories.js';

export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40, 3)]);
export const PDF = Buffer.from('%PDF-1.4\n% test report\n');

/** A multipart body: text fields, then files under `file`. */
export function multipart(fields: Record<string, string>, files: { name: string; data: Buffer }[]) {
  const b = `----jl${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files)
    parts.push(
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${b}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}

/** Uploads one file as evidence. */
export function uploadEvidence(c: Client, problemId: number, fields: Record<string, string>, file?: Buffer) {
  const m = multipart(fields, file ? [{ name: 'photo.png', data: file }] : []);
  return c.post(`/api/v1/problems/${problemId}/evidence`, m.body, m.headers);
}

export interface ProblemWorld {
  t: TestApp;
  w: World;
  admin: Client;
  leader: Client;
  officerA: Client;
  officerB: Client;
  dept1: Client;
  dept2: Client;
  member1: Client;
  deptB: { id: number };
  /** Creates an item as the office and returns its id and tracking code. */
  item(over: Record<string, unknown>): Promise<{ id: number; trackingCode: string }>;
  count(table: string): Promise<number>;
}

/** The fixture world, an officer of each township, the lead department's handler and one of another department. */
export async function buildProblemWorld(): Promise<ProblemWorld> {
  const t = await createTestApp();
  const w = await buildWorld(t.db);
  const deptB = await buildDepartment(t.db, { name: '孝丰镇水利站', townshipId: w.townB.id });
  await buildUser(t.db, {
    username: 'dept1',
    displayName: '农业办',
    roles: ['dept_handler'],
    departmentId: w.deptA.id,
  });
  await buildUser(t.db, { username: 'dept2', displayName: '水利站', roles: ['dept_handler'], departmentId: deptB.id });
  await buildUser(t.db, {
    username: 'officerA',
    displayName: '递铺信息员',
    roles: ['info_officer'],
    townshipId: w.townA.id,
  });
  const admin = await login(t.app, 'admin');
  let n = 0;
  return {
    t,
    w,
    deptB,
    admin,
    leader: await login(t.app, 'leader1'),
    officerA: await login(t.app, 'officerA'),
    officerB: await login(t.app, 'officer1'),
    dept1: await login(t.app, 'dept1'),
    dept2: await login(t.app, 'dept2'),
    member1: await login(t.app, 'member1'),
    async item(over) {
      n++;
      const res = await admin.post('/api/v1/opinions', {
        title: `村里养殖场污染严重${n}`,
        content: '养猪场粪污直排河道，气味难闻，群众反映强烈。',
        channel: 'letter',
        regionId: w.villA1.id,
        originators: [{ kind: 'citizen', name: '陈女士', phone: '13912345678' }],
        ...over,
      });
      if (res.statusCode !== 201) throw new Error(`item: ${res.statusCode} ${res.body}`);
      return res.json();
    },
    async count(table) {
      return ((await t.db.execute(sql`select count(*)::int as n from ${sql.raw(table)}`)).rows[0] as { n: number }).n;
    },
  };
}
