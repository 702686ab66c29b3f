import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/setup/test-app.js';
import { buildWorld, type World } from '../../../tests/setup/world.js';
import { writeAudit } from '../audit.js';
import { attachments, regions } from '../db/schema.js';
import { buildRegion } from '../db/seed/factories.js';
import {
  BACKUP_VERSION,
  readBackupHeader,
  restoreBackup,
  tablesInFkOrder,
  verifyBackup,
  writeBackup,
} from './backup.js';

let t: TestApp;
let w: World;
let filesDir: string;
let file: string;
let storageKey: string;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  filesDir = path.join(t.deps.config.dataDir, 'files');
  file = path.join(t.deps.config.dataDir, 'test.jlbak');
  storageKey = await t.deps.files.put(Buffer.from('照片内容'), 'jpg');
  await t.db
    .insert(attachments)
    .values({ activityId: w.act1.id, kind: 'photo', filename: '合影.jpg', mime: 'image/jpeg', size: 12, storageKey });
  await writeAudit(t.db, null, {
    action: 'update',
    entity: 'member',
    entityId: w.m1.id,
    before: { tags: ['a'] },
    after: { tags: ['b'], n: 1 },
  });
});
afterAll(() => t.close());

/** Every table's rows as JSON, ordered, so two snapshots compare exactly. */
async function snapshot() {
  const out: Record<string, unknown[]> = {};
  for (const tbl of tablesInFkOrder()) {
    const order = tbl.orderBy.length ? `order by ${tbl.orderBy.map((c) => `"${c}"`).join(', ')}` : '';
    out[tbl.name] = (await t.db.execute(sql.raw(`select to_jsonb(x) as r from "${tbl.name}" x ${order}`))).rows.map(
      (r: any) => r.r,
    );
  }
  return out;
}

describe('backup and restore', () => {
  it('orders tables so parents come before children', () => {
    const names = tablesInFkOrder().map((x) => x.name);
    expect(names.indexOf('terms')).toBeLessThan(names.indexOf('sectors'));
    expect(names.indexOf('members')).toBeLessThan(names.indexOf('member_terms'));
    expect(names.indexOf('representatives')).toBeLessThan(names.indexOf('activity_contacts'));
    expect(names.indexOf('users')).toBeLessThan(names.indexOf('sessions'));
    expect(names).toContain('audit_log');
  });

  it('backs up, then restores the exact data and files after changes, and resets identity sequences', async () => {
    const original = await snapshot();
    const steps: number[] = [];
    const header = await writeBackup({
      db: t.db,
      filesDir,
      file,
      database: 'pglite',
      onProgress: (d) => steps.push(d),
    });
    expect(header).toMatchObject({ format: 'jielian-backup', version: BACKUP_VERSION, files: 1 });
    expect(header.migrations).toBeGreaterThan(0);
    expect(header.tables.members).toBe(3);
    expect(steps.at(-1)).toBeGreaterThan(0);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);

    await t.db.execute(sql`update members set name = '改名' where id = ${w.m1.id}`);
    await t.db.execute(sql`delete from activity_contacts`);
    await t.db.execute(sql`delete from sessions`);
    for (let i = 0; i < 5; i++) await buildRegion(t.db);
    await t.deps.files.remove(storageKey);
    await t.deps.files.put(Buffer.from('多余文件'), 'png');

    await restoreBackup({ db: t.db, filesDir, file });
    const restored = await snapshot();
    for (const [name, rows] of Object.entries(original)) expect(restored[name]?.length, name).toBe(rows.length);
    expect(restored).toEqual(original);
    const [m1] = (await t.db.execute(sql`select name from members where id = ${w.m1.id}`)).rows as any[];
    expect(m1.name).toBe('张三');
    expect((await t.deps.files.get(storageKey)).toString()).toBe('照片内容');
    expect(fs.readdirSync(filesDir, { recursive: true }).filter((f) => String(f).endsWith('.png'))).toHaveLength(0);

    const maxId = Math.max(...(original.regions as any[]).map((r) => r.id));
    const fresh = await buildRegion(t.db);
    expect(fresh.id).toBe(maxId + 1);
    const [audit] = (await t.db.execute(sql`insert into audit_log (action, entity) values ('x', 'y') returning id`))
      .rows as any[];
    expect(Number(audit.id)).toBeGreaterThan(Math.max(...(original.audit_log as any[]).map((r) => Number(r.id))));
    await t.db.delete(regions).where(sql`id = ${fresh.id}`);
  });

  it('refuses a file that is not a backup, and a truncated one changes nothing', async () => {
    const junk = path.join(t.deps.config.dataDir, 'junk.jlbak');
    fs.writeFileSync(junk, 'not a backup');
    await expect(readBackupHeader(junk)).rejects.toMatchObject({ code: 'backup_damaged' });
    fs.writeFileSync(junk, zlib.gzipSync('{"type":"header","format":"other"}\n'));
    await expect(restoreBackup({ db: t.db, filesDir, file: junk })).rejects.toThrow('不是界联备份文件');

    const before = await snapshot();
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString().split('\n');
    fs.writeFileSync(junk, zlib.gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
    await expect(restoreBackup({ db: t.db, filesDir, file: junk })).rejects.toMatchObject({ code: 'backup_damaged' });
    expect(await snapshot()).toEqual(before);
    expect((await t.deps.files.get(storageKey)).toString()).toBe('照片内容');
  });

  it('refuses a flipped byte, a truncated file, an edited row and a changed version, changing nothing', async () => {
    const junk = path.join(t.deps.config.dataDir, 'damaged.jlbak');
    await expect(verifyBackup(file)).resolves.toMatchObject({ version: 2 });
    const before = await snapshot();
    const refuse = async (bytes: Buffer, code: string) => {
      fs.writeFileSync(junk, bytes);
      await expect(restoreBackup({ db: t.db, filesDir, file: junk })).rejects.toMatchObject({ code });
      expect(await snapshot()).toEqual(before);
      expect((await t.deps.files.get(storageKey)).toString()).toBe('照片内容');
    };
    const gz = fs.readFileSync(file);
    const flipped = Buffer.from(gz);
    flipped[Math.floor(flipped.length / 2)] ^= 0x01;
    await refuse(flipped, 'backup_damaged');
    await refuse(gz.subarray(0, Math.floor(gz.length * 0.8)), 'backup_damaged');

    const text = zlib.gunzipSync(gz).toString();
    // Hand-edited and recompressed: gzip's own CRC passes, the SHA-256 does not.
    await refuse(zlib.gzipSync(text.replace('张三', '李四')), 'backup_damaged');
    const lines = text.trimEnd().split('\n');
    await refuse(zlib.gzipSync(`${lines.slice(0, -2).concat(lines.at(-1)!).join('\n')}\n`), 'backup_damaged');
    const header = JSON.parse(lines[0]);
    const withVersion = (v: number) =>
      zlib.gzipSync([JSON.stringify({ ...header, version: v }), ...lines.slice(1)].join('\n'));
    await refuse(withVersion(3), 'backup_format');
    // Claiming format 1 to skip the checksum changes the header, so the checksum still fails.
    await refuse(withVersion(1), 'backup_damaged');
  });

  it('still restores a format-1 backup (no checksum) that parses and ends properly', async () => {
    const v1 = path.join(t.deps.config.dataDir, 'v1.jlbak');
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString().trimEnd().split('\n');
    const header = { ...JSON.parse(lines[0]), version: 1 };
    const { sha256: _, ...end } = JSON.parse(lines.at(-1)!);
    fs.writeFileSync(
      v1,
      zlib.gzipSync([JSON.stringify(header), ...lines.slice(1, -1), JSON.stringify(end)].join('\n')),
    );
    await t.db.execute(sql`update members set name = '改名' where id = ${w.m1.id}`);
    await expect(restoreBackup({ db: t.db, filesDir, file: v1 })).resolves.toMatchObject({ version: 1 });
    const [m1] = (await t.db.execute(sql`select name from members where id = ${w.m1.id}`)).rows as any[];
    expect(m1.name).toBe('张三');
  });
});
