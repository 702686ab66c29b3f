// Real `jielian` CLI processes for tests: spawn one (output captured), find a free port, wait for `serve` to answer.
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';

/** Every child a test started; kill them in afterAll with `killAll()`. */
const children: ChildProcess[] = [];

/** Starts `tsx src/cli/main.ts <args>` on the embedded database (DATABASE_URL cleared), quiet logs, reminders off. */
export function runCli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent', REMINDERS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

/** Kills every child still running. */
export function killAll() {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

/** `serve --no-demo` on `dataDir`, resolved once /api/health answers 200 (fails with the output if it exits first). */
export async function serveOn(dataDir: string, port: number, env: Record<string, string> = {}) {
  const run = runCli(['serve', '--no-demo', '--host', '127.0.0.1'], { DATA_DIR: dataDir, PORT: String(port), ...env });
  const deadline = Date.now() + 150_000;
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return run;
    if (run.child.exitCode !== null || Date.now() > deadline) throw new Error(`serve did not start:\n${run.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
