// API answers compressed for slow phones: a member's lists are 10–17 KB of JSON and 2–5 KB compressed, which on a
// village's 3G link is most of a page's wait. The web app's own files are compressed once at build time
// (precompress.ts) and sent as they are; this covers what the API answers (JSON, CSV, XML, HTML), when the client
// asks (Accept-Encoding) and the answer is at least 1 KB. Documents that are compressed already (PDF, images, xlsx,
// docx, zip) are sent as they are. Answers up to 32 KB are compressed at once (about 0.1 ms for a list), larger ones
// stream through zlib on libuv's thread pool, off the event loop.
//
// Two things are never done. Request bodies are never inflated (no Content-Encoding on uploads, so no zip bomb behind
// the body limits). And an answer whose route says `config.secret` (it carries a CSRF or API token) is never compressed:
// a secret compressed beside text an attacker chose is what BREACH measures. The session cookie is SameSite=Strict, so
// another site cannot make a signed-in request at all; `secret` is the second wall.
import zlib from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

const secrets = new WeakMap<FastifyInstance, Set<string>>();

/** The routes of `app` that carry a secret ('METHOD /url'), as registered: the ones never compressed. */
export const secretRoutesOf = (app: FastifyInstance): ReadonlySet<string> => secrets.get(app) ?? new Set();

export async function registerCompression(app: FastifyInstance) {
  const secret = new Set<string>();
  secrets.set(app, secret);
  // Before the plugin's own onRoute hook, which reads `compress` when each route is added.
  app.addHook('onRoute', (route) => {
    if (!route.config?.secret) return;
    route.compress = false;
    for (const method of [route.method].flat()) secret.add(`${method} ${route.url}`);
  });
  await app.register(compress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    syncThreshold: 32 * 1024,
    // Brotli's default (quality 11) is for files compressed once; 4 is as fast as gzip and as small here.
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
}
