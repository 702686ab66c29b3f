// The web app's files as a browser on a slow connection gets them: hashed assets precompressed (brotli, gzip) and
// cached for a year as immutable, HTML never cached, the citizens' entry for /public/*, and the security headers kept.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from './config.js';
import { precompressDir } from './precompress.js';
import { registerSecurityHeaders } from './security-headers.js';
import { IMMUTABLE, serveWeb } from './static.js';

let dist: string;
let app: FastifyInstance;
const script = `console.log(${JSON.stringify('界联 '.repeat(400))});\n`;

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'jl-static-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.mkdirSync(path.join(dist, '.vite'));
  fs.writeFileSync(path.join(dist, 'index.html'), `<!doctype html><title>staff</title>${' '.repeat(600)}`);
  fs.writeFileSync(path.join(dist, 'public.html'), '<!doctype html><title>citizens</title>');
  fs.writeFileSync(path.join(dist, 'assets', 'main-Ab12Cd34.js'), script);
  fs.writeFileSync(path.join(dist, '.vite', 'manifest.json'), '{"secret":"build metadata"}');
  const compressed = await precompressDir(dist);
  expect(compressed.map((f) => path.relative(dist, f)).sort()).toEqual(
    [path.join('.vite', 'manifest.json'), path.join('assets', 'main-Ab12Cd34.js'), 'index.html'].filter(
      (f) => fs.statSync(path.join(dist, f)).size >= 512,
    ),
  );
  app = Fastify();
  app.decorateRequest('lang', 'zh');
  registerSecurityHeaders(app, { secureCookies: false } as AppConfig);
  serveWeb(app, dist);
  await app.ready();
});
afterAll(async () => {
  await app.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) =>
  app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('web app files', () => {
  it('sends a hashed asset brotli-compressed when accepted, cached a year as immutable', async () => {
    const res = await get('/assets/main-Ab12Cd34.js', 'gzip, deflate, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(script);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 5);
  });

  it('sends gzip to a browser without brotli and the plain file to one accepting neither', async () => {
    const gz = await get('/assets/main-Ab12Cd34.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe(IMMUTABLE);
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await get('/assets/main-Ab12Cd34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
    expect(plain.body).toBe(script);
  });

  it('answers client routes with the staff entry, never cached, under the CSP', async () => {
    for (const url of ['/', '/opinions/12', '/index.html', '/publications']) {
      const res = await get(url, 'br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.headers['content-security-policy'], url).toMatch(/script-src 'self'/);
      const html =
        res.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(res.rawPayload) : res.rawPayload;
      expect(html.toString(), url).toContain('<title>staff</title>');
    }
  });

  it("answers the citizens' pages with their own entry", async () => {
    for (const url of ['/public', '/public/opinions/new', '/public/opinions/AB12CD34EF?x=1', '/public/reception/3']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.body, url).toContain('<title>citizens</title>');
    }
  });

  it('refuses a missing asset and build metadata instead of sending a page in their place', async () => {
    expect((await get('/assets/main-OldBuild.js')).statusCode).toBe(404);
    const manifest = await get('/.vite/manifest.json');
    expect(manifest.body).not.toContain('build metadata');
    const api = await get('/api/v1/nothing');
    expect(api.statusCode).toBe(404);
    expect(api.json().code).toBe('not_found');
    expect(api.headers['cache-control']).toBe('no-store');
  });
});
