// Reads the environment once so every other module gets typed settings instead of touching process.env.
import path from 'node:path';

export interface AppConfig {
  dataDir: string;
  databaseUrl: string | null;
  port: number;
  host: string;
  maxUploadBytes: number;
  sessionIdleMinutes: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  secureCookies: boolean;
  webDist: string | null;
}

/** Builds settings from env with the documented defaults; tests pass overrides. */
export function loadConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const env = process.env;
  return {
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || null,
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    maxUploadBytes: Number(env.MAX_UPLOAD_MB ?? 10) * 1024 * 1024,
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 30),
    lockoutThreshold: 5,
    lockoutMinutes: 15,
    secureCookies: env.SECURE_COOKIES === '1',
    webDist: path.resolve('dist/web'),
    ...overrides,
  };
}
