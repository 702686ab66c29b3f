// The loss scenario of issue 10, repeated: writers keep the embedded server busy, a `backup` and a second `serve`
// try to open its live data folder, then the server is killed (-9) and started again. Before the folder lock, the
// restart lost hundreds of acknowledged writes without an error; now both intruders are refused and nothing is lost.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, killAll, runCli, serveOn as serve } from '../../tests/setup/cli-process.js';

const dirs: string[] = [];
afterAll(() => {
  killAll();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function signIn(base: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'ops', password: 'Loss#Test2026' }),
  });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
  const cookie = String(res.headers.get('set-cookie')).split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

describe('embedded database under an intruding process', () => {
  it('loses no acknowledged write when backup and a second serve try the live folder before a crash', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jl-loss-'));
    dirs.push(dir);
    const admin = runCli(['create-admin', 'ops', 'Loss#Test2026', '运维'], { DATA_DIR: dir });
    expect(await admin.exited, admin.output()).toBe(0);

    const port = await freePort();
    const server = await serve(dir, port);
    const base = `http://127.0.0.1:${port}`;
    const session = await signIn(base);
    const acknowledged = new Set<string>();
    let stop = false;
    let n = 0;
    const writer = async () => {
      while (!stop) {
        const name = `v${++n}`;
        const res = await fetch(`${base}/api/v1/saved-views`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
          body: JSON.stringify({ name, scope: 'opinions', query: {} }),
        }).catch(() => null);
        if (res && res.status >= 200 && res.status < 300) acknowledged.add(name);
      }
    };
    const writers = Array.from({ length: 20 }, writer);
    while (acknowledged.size < 100) await new Promise((r) => setTimeout(r, 50));

    // The intruders of the old loss scenario: both are refused, naming the running server, while writes go on.
    const backup = runCli(['backup', path.join(dir, 'live.jlbak')], { DATA_DIR: dir });
    expect(await backup.exited).toBe(1);
    expect(backup.output()).toContain(`pid ${server.child.pid}`);
    const second = runCli(['serve', '--no-demo', '--host', '127.0.0.1'], {
      DATA_DIR: dir,
      PORT: String(await freePort()),
    });
    expect(await second.exited).toBe(1);
    expect(fs.existsSync(path.join(dir, 'live.jlbak'))).toBe(false);

    const before = acknowledged.size;
    while (acknowledged.size < before + 100) await new Promise((r) => setTimeout(r, 50));
    server.child.kill('SIGKILL');
    await server.exited;
    stop = true;
    await Promise.all(writers);

    const again = await serve(dir, port);
    const s2 = await signIn(base);
    const list = await fetch(`${base}/api/v1/saved-views?scope=opinions`, { headers: { cookie: s2.cookie } });
    expect(list.status).toBe(200);
    const body = (await list.json()) as { items?: { name: string }[] } | { name: string }[];
    const stored = new Set((Array.isArray(body) ? body : (body.items ?? [])).map((v) => v.name));
    const lost = [...acknowledged].filter((name) => !stored.has(name));
    console.log(`embedded loss scenario: ${acknowledged.size} acknowledged writes, ${lost.length} lost`);
    expect(lost).toEqual([]);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 300_000);
});
