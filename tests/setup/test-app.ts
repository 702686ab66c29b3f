// In-process test app: a fresh database from the template (PGlite, or a new PostgreSQL database from the role’s template database) and an HTTP client.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createDiskFileStore } from '../../src/server/adapters/file-store.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import type { Deps } from '../../src/server/context.js';
import { type Database, openPglite, openPostgres } from '../../src/server/db/client.js';
import { pgTemplateName, TEMPLATE_FILE } from './paths.js';

/** Opens an empty migrated database for one test file. */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `jl_t_${crypto.randomBytes(6).toString('hex')}`;
    const admin = await openPostgres(url);
    await admin.pool!.query(`create database ${name} template ${pgTemplateName(url)}`);
    await admin.close();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const db = await openPostgres(u.toString());
    const close = db.close;
    return {
      ...db,
      close: async () => {
        await close();
        const a = await openPostgres(url);
        await a.pool!.query(`drop database if exists ${name}`);
        await a.close();
      },
    };
  }
  const blob = new Blob([fs.readFileSync(TEMPLATE_FILE)]);
  return openPglite(undefined, blob);
}

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  db: Database['db'];
  close(): Promise<void>;
}

/** Builds the real app on a fresh database with a temp file store. */
export async function createTestApp(over: Partial<Deps> = {}): Promise<TestApp> {
  return createTestAppOn(await openTestDatabase(), over);
}

/**
 * Builds the real app on a given database (closed with the app); several apps on one database stand for several
 * server processes behind a load balancer. Pass `keepDatabase` so closing one app leaves the database to the others.
 */
export async function createTestAppOn(
  database: Database,
  over: Partial<Deps> = {},
  keepDatabase = false,
): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jl-test-'));
  const config = loadConfig({
    dataDir,
    webDist: null,
    databaseUrl: null,
    logLevel: process.env.LOG_LEVEL ?? 'silent',
    ...(over.config ?? {}),
  });
  const deps: Deps = {
    database,
    files: createDiskFileStore(path.join(dataDir, 'files')),
    now: () => new Date(),
    ...over,
    config,
  };
  const app = await buildApp(deps);
  return {
    app,
    deps,
    db: database.db,
    close: async () => {
      await app.close();
      if (!keepDatabase) await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A signed-in HTTP client: keeps the session cookie and sends the CSRF header on writes. */
export async function login(app: FastifyInstance, username: string, password = 'Demo@2026') {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0];
  const { csrfToken } = res.json();
  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) => app.inject({ method, url, payload: payload as any, headers: { cookie, 'x-csrf-token': csrfToken, ...headers } });
  return {
    cookie,
    csrfToken,
    get: (url: string, headers?: Record<string, string>) => call('GET', url, undefined, headers),
    post: (url: string, body?: unknown, headers?: Record<string, string>) => call('POST', url, body ?? {}, headers),
    put: (url: string, body?: unknown) => call('PUT', url, body ?? {}),
    patch: (url: string, body: unknown) => call('PATCH', url, body),
    del: (url: string) => call('DELETE', url),
  };
}
export type Client = Awaited<ReturnType<typeof login>>;
