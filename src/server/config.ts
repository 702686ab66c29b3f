// Reads the environment once so every other module gets typed settings instead of touching process.env.
import path from 'node:path';

export interface AppConfig {
  dataDir: string;
  databaseUrl: string | null;
  /**
   * Where uploads live (FILE_STORE): `database` (stored_files, shared by every server process; the default with
   * DATABASE_URL) or `disk` (DATA_DIR/files; the default on the embedded database). docs/OPERATIONS.md says why.
   */
  fileStore: 'database' | 'disk';
  /** Streaming replica for report reads (DATABASE_READ_URL; PostgreSQL only, needs DATABASE_URL); null = the primary. */
  databaseReadUrl: string | null;
  port: number;
  host: string;
  maxUploadBytes: number;
  sessionIdleMinutes: number;
  /** Absolute session lifetime after sign-in, however active (SESSION_MAX_HOURS, default 12). */
  sessionMaxHours: number;
  /**
   * Sign-in throttling (docs/SECURITY.md). Per account and address: after `loginPairMaxFailures` (5) failures within
   * `loginPairWindowHours` (24) that address waits, doubling from `loginBackoffBaseMinutes` (1) up to
   * `loginBackoffMaxMinutes` (15). Per address over all usernames: `loginIpMaxFailures` (30) failures within
   * `loginIpWindowMinutes` (15) block it for that long. Per account over all addresses: `loginAccountMaxFailures` (50)
   * within `loginAccountWindowHours` (24) lock it for `loginAccountLockMinutes` (60) and alert the admins; each address
   * adds at most `loginPairMaxFailures` to that count, so one address alone never locks an account.
   */
  loginPairMaxFailures: number;
  loginPairWindowHours: number;
  loginBackoffBaseMinutes: number;
  loginBackoffMaxMinutes: number;
  loginIpMaxFailures: number;
  loginIpWindowMinutes: number;
  loginAccountMaxFailures: number;
  loginAccountWindowHours: number;
  loginAccountLockMinutes: number;
  /** Wrong current passwords on a password change (5) before the session ends and changes wait (15 minutes). */
  passwordChangeMaxFailures: number;
  passwordChangeLockMinutes: number;
  /** The server runs the demo data (set by `serve` when it loads the demo, or DEMO_MODE=1): the demo password is allowed. */
  demoMode: boolean;
  secureCookies: boolean;
  /** Proxies whose X-Forwarded-For is believed (TRUST_PROXY: comma-separated addresses or CIDRs); unset = none. */
  trustProxy: string | undefined;
  /** Structured JSON log level (LOG_LEVEL: fatal, error, warn, info, debug; silent turns logs off). */
  logLevel: string;
  webDist: string | null;
  /** Outgoing mail server as smtp(s)://user:pass@host:port; null = log mail instead of sending it. */
  smtpUrl: string | null;
  /** Sender address of outgoing mail. */
  smtpFrom: string;
  /**
   * The citizens' site as people reach it, e.g. https://zx.example.gov.cn (PUBLIC_ORIGIN): the links in e-mails
   * (subscription confirm and unsubscribe). Unset = the origin of the request that caused the mail.
   */
  publicOrigin: string | null;
  /** SMS gateway endpoint receiving POST {phone, text}; null = log SMS instead of sending them. */
  smsHttpUrl: string | null;
  /** Whether `serve` runs the reminder and outbox scheduler (REMINDERS=0 turns it off). */
  remindersEnabled: boolean;
  /** How often the scheduler scans deadlines and delivers the outbox. */
  reminderIntervalMs: number;
  /** Inbound SMTP listener for 社情民意 by e-mail: port (null = off), host, accepted recipients, largest mail. */
  mailIntakePort: number | null;
  mailIntakeHost: string;
  mailIntakeTo: string[];
  mailIntakeMaxBytes: number;
}

/** Builds settings from env with the documented defaults; tests pass overrides. */
export function loadConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const env = process.env;
  return {
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || null,
    fileStore: fileStoreOf(env.FILE_STORE, Boolean(env.DATABASE_URL)),
    databaseReadUrl: env.DATABASE_READ_URL || null,
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    maxUploadBytes: Number(env.MAX_UPLOAD_MB ?? 10) * 1024 * 1024,
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 30),
    sessionMaxHours: positive(env.SESSION_MAX_HOURS, 12),
    loginPairMaxFailures: positive(env.LOGIN_PAIR_MAX_FAILURES, 5),
    loginPairWindowHours: positive(env.LOGIN_PAIR_WINDOW_HOURS, 24),
    loginBackoffBaseMinutes: positive(env.LOGIN_BACKOFF_BASE_MINUTES, 1),
    loginBackoffMaxMinutes: positive(env.LOGIN_BACKOFF_MAX_MINUTES, 15),
    loginIpMaxFailures: positive(env.LOGIN_IP_MAX_FAILURES, 30),
    loginIpWindowMinutes: positive(env.LOGIN_IP_WINDOW_MINUTES, 15),
    loginAccountMaxFailures: positive(env.LOGIN_ACCOUNT_MAX_FAILURES, 50),
    loginAccountWindowHours: positive(env.LOGIN_ACCOUNT_WINDOW_HOURS, 24),
    loginAccountLockMinutes: positive(env.LOGIN_ACCOUNT_LOCK_MINUTES, 60),
    passwordChangeMaxFailures: positive(env.PASSWORD_CHANGE_MAX_FAILURES, 5),
    passwordChangeLockMinutes: positive(env.PASSWORD_CHANGE_LOCK_MINUTES, 15),
    demoMode: env.DEMO_MODE === '1',
    secureCookies: env.SECURE_COOKIES === '1',
    trustProxy: env.TRUST_PROXY?.trim() || undefined,
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    webDist: path.resolve('dist/web'),
    smtpUrl: env.SMTP_URL || null,
    smtpFrom: env.SMTP_FROM || 'jielian@localhost',
    publicOrigin: env.PUBLIC_ORIGIN?.trim().replace(/\/+$/, '') || null,
    smsHttpUrl: env.SMS_HTTP_URL || null,
    remindersEnabled: env.REMINDERS !== '0',
    reminderIntervalMs: Number(env.REMINDER_INTERVAL_SECONDS ?? 60) * 1000,
    mailIntakePort: env.MAIL_INTAKE_PORT ? Number(env.MAIL_INTAKE_PORT) : null,
    mailIntakeHost: env.MAIL_INTAKE_HOST || '127.0.0.1',
    mailIntakeTo: (env.MAIL_INTAKE_TO ?? '')
      .split(',')
      .map((x) => x.trim().toLowerCase())
      .filter(Boolean),
    mailIntakeMaxBytes: Number(env.MAIL_INTAKE_MAX_MB ?? 10) * 1024 * 1024,
    ...overrides,
  };
}

// A positive number from the environment, or the default when unset or not a positive number.
function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
}

// FILE_STORE, or the default for the database in use; a value that is neither stops the start with a clear message.
function fileStoreOf(value: string | undefined, hasDatabaseUrl: boolean): AppConfig['fileStore'] {
  const v = value?.trim().toLowerCase();
  if (!v) return hasDatabaseUrl ? 'database' : 'disk';
  if (v === 'database' || v === 'disk') return v;
  throw new Error(`FILE_STORE must be "database" or "disk", not "${value}"`);
}
