// Serves the built web app (dist/web): two HTML entries — public.html for the citizens' /public/* pages, index.html
// for everything else — and the hashed assets, sent precompressed (brotli or gzip, written at build time by
// precompress.ts) and cached for a year as immutable; HTML is revalidated on every visit (no-cache), so a new build
// reaches users at once while the unchanged assets never travel again.
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { t } from './i18n/messages.js';

/** The cache header of content-hashed files: a new build gives them new names. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The cache header of HTML and other unhashed files: stored, but checked with the server before each use. */
export const REVALIDATE = 'no-cache';
const YEAR_MS = 31_536_000_000;

/** The HTML entry of a client-side route: the citizens' pages have their own light entry. */
export function entryFor(pathname: string): 'public.html' | 'index.html' {
  return pathname === '/public' || pathname.startsWith('/public/') ? 'public.html' : 'index.html';
}

/** Registers the web app's one public route; does nothing when the app was not built. */
export function serveWeb(app: FastifyInstance, dist: string | null) {
  if (!dist || !fs.existsSync(path.join(dist, 'index.html'))) return;
  const root = path.resolve(dist);
  const hasPublicEntry = fs.existsSync(path.join(root, 'public.html'));
  // @fastify/static only provides sendFile (serve: false); it picks file.br / file.gz by Accept-Encoding.
  app.register(fastifyStatic, { root, serve: false, preCompressed: true });
  app.get('/*', { config: { public: true }, schema: { hide: true } }, (req, reply) => {
    if (req.url.startsWith('/api/'))
      return reply.status(404).send({ code: 'not_found', message: t('not_found', req.lang), details: null });
    const pathname = req.url.split('?')[0];
    const file = path.join(root, pathname);
    // Build metadata (.vite/manifest.json) and anything outside the folder are not served.
    const inside = file.startsWith(root + path.sep) && !pathname.split('/').some((s) => s.startsWith('.'));
    if (inside && fs.existsSync(file) && fs.statSync(file).isFile()) {
      const rel = path.relative(root, file);
      if (rel.startsWith(`assets${path.sep}`)) return reply.sendFile(rel, { maxAge: YEAR_MS, immutable: true });
      reply.header('cache-control', REVALIDATE);
      return reply.sendFile(rel, { cacheControl: false });
    }
    // A hashed asset that is not there (an old build's name) is a 404, never an HTML page in its place.
    if (pathname.startsWith('/assets/')) return reply.status(404).send('Not found');
    reply.header('cache-control', REVALIDATE);
    const entry = hasPublicEntry ? entryFor(pathname) : 'index.html';
    return reply.sendFile(entry, { cacheControl: false });
  });
}
