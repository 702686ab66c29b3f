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
  /** Proxies whose X-Forwarded-For is believed (TRUST_PROXY: comma-separated addresses or CIDRs); unset = none. */
  trustProxy: string | undefined;
  /** Structured JSON log level (LOG_LEVEL: fatal, error, warn, info, debug; silent turns logs off). */
  logLevel: string;
  webDist: string | null;
  /** Outgoing mail server as smtp(s)://user:pass@host:port; null = log mail instead of sending it. */
  smtpUrl: string | null;
  /** Sender address of outgoing mail. */
  smtpFrom: string;
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
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    maxUploadBytes: Number(env.MAX_UPLOAD_MB ?? 10) * 1024 * 1024,
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 30),
    lockoutThreshold: 5,
    lockoutMinutes: 15,
    secureCookies: env.SECURE_COOKIES === '1',
    trustProxy: env.TRUST_PROXY?.trim() || undefined,
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    webDist: path.resolve('dist/web'),
    smtpUrl: env.SMTP_URL || null,
    smtpFrom: env.SMTP_FROM || 'jielian@localhost',
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
