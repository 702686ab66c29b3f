// The webhook endpoints an administrator configures (settings key 'webhooks'): URL, signing secret, on/off.
// Secrets are write-only: answers show a hint (the last four characters), never the secret.
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../../audit.js';
import { type Actor, hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { settings } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { text } from '../common/schemas.js';

/** The settings row key. */
export const WEBHOOKS_KEY = 'webhooks';

/** One stored endpoint. */
export interface WebhookEndpoint {
  id: string;
  url: string;
  secret: string;
  active: boolean;
  description: string;
}

const storedSchema = z.object({
  endpoints: z
    .array(
      z.object({
        id: z.string(),
        url: z.string(),
        secret: z.string(),
        active: z.boolean(),
        description: z.string().default(''),
      }),
    )
    .default([]),
});

/** Body of PUT /settings/webhooks: the whole list; an endpoint keeps its secret when `secret` is left out. */
export const webhookSettingsBody = z.object({
  endpoints: z
    .array(
      z.object({
        id: z
          .string()
          .regex(/^[a-f0-9]{12}$/)
          .optional(),
        url: z.url({ protocol: /^https?$/ }).max(500),
        secret: z.string().min(16).max(200).optional(),
        active: z.boolean().default(true),
        description: text(100).default(''),
      }),
    )
    .max(10),
});
/** A validated PUT body. */
export type WebhookSettingsInput = z.infer<typeof webhookSettingsBody>;

/** The endpoints in force (none when never configured). */
export async function loadWebhookEndpoints(db: DbOrTx): Promise<WebhookEndpoint[]> {
  const [row] = await db.select().from(settings).where(eq(settings.key, WEBHOOKS_KEY));
  const parsed = storedSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data.endpoints : [];
}

const present = (e: WebhookEndpoint) => ({
  id: e.id,
  url: e.url,
  active: e.active,
  description: e.description,
  secretHint: `…${e.secret.slice(-4)}`,
});

/** What GET /settings/webhooks answers (administrators only). */
export async function presentWebhookSettings(db: DbOrTx, a: Actor) {
  if (!hasRole(a, 'admin')) throw new AppError('forbidden');
  return { endpoints: (await loadWebhookEndpoints(db)).map(present) };
}

/** Replaces the endpoint list (administrators only), audited without secrets in the same transaction. */
export async function saveWebhookSettings(db: DbOrTx, a: Actor, input: WebhookSettingsInput, ip: string) {
  if (!hasRole(a, 'admin')) throw new AppError('forbidden');
  const before = await loadWebhookEndpoints(db);
  const endpoints: WebhookEndpoint[] = input.endpoints.map((e) => {
    const old = e.id ? before.find((b) => b.id === e.id) : undefined;
    const secret = e.secret ?? old?.secret;
    if (!secret) throw new AppError('webhook_secret_required');
    return {
      id: old?.id ?? crypto.randomBytes(6).toString('hex'),
      url: e.url,
      secret,
      active: e.active,
      description: e.description,
    };
  });
  const value = { endpoints };
  await db
    .insert(settings)
    .values({ key: WEBHOOKS_KEY, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: sql`now()` } });
  await writeAudit(
    db,
    a,
    {
      action: 'update',
      entity: 'settings',
      entityId: WEBHOOKS_KEY,
      before: before.map(present),
      after: endpoints.map(present),
    },
    ip,
  );
  return { endpoints: endpoints.map(present) };
}
