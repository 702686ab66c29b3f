// Accounts and API tokens, kept by office staff: create users, set roles, reset passwords, issue scoped tokens.
import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roleSchema } from '../../../core/code-lists.js';
import { writeAudit } from '../../audit.js';
import { apiTokens, users } from '../../db/schema.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import { assertStrongPassword, createApiToken, endSessionsOf, hashPassword } from '../auth/service.js';
import { clearCountersOf } from '../auth/throttle.js';
import { registryAdmin, rethrowUnique } from '../common/crud.js';
import { idBody, idParam, pageQuery, patchOf } from '../common/schemas.js';

const userBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9_.-]{3,32}$/),
  displayName: z.string().trim().min(1).max(50),
  password: z.string().min(1).max(128),
  roles: z.array(roleSchema).min(1),
  memberId: idBody.nullable().default(null),
  townshipId: idBody.nullable().default(null),
  departmentId: idBody.nullable().default(null),
});
const userPatch = patchOf(userBody.omit({ username: true, password: true }).extend({ active: z.boolean() }));
const tokenBody = z.object({
  name: z.string().trim().min(1).max(50),
  userId: idBody,
  roles: z.array(roleSchema).min(1),
  /** Days until the token stops working (default 90, at most a year). */
  expiresInDays: z.number().int().min(1).max(365).default(90),
});

const publicUser = (u: typeof users.$inferSelect) => {
  const { passwordHash, ...rest } = u;
  return rest;
};
const DAY = 86_400_000;

/** /api/v1/users and /api/v1/api-tokens (admin only). */
export const userRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  r.get('/users', { schema: { tags: ['accounts'], querystring: pageQuery } }, async (req) => {
    registryAdmin(req);
    const { page, pageSize, q } = req.query;
    const where = q ? sql`username ilike ${`%${q}%`} or display_name like ${`%${q}%`}` : sql`true`;
    // lockedUntil: the account-wide sign-in lock in force (login_throttle), shown as 已锁定 in the list.
    const rows = await db()
      .select({
        ...getTableColumns(users),
        lockedUntil: sql<Date | null>`(select t.blocked_until from login_throttle t where t.kind = 'account'
          and t.key = ${users.username} and t.blocked_until > ${app.deps.now().toISOString()}::timestamptz)`,
      })
      .from(users)
      .where(where)
      .orderBy(users.id)
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [{ n }] = (await db().execute(sql`select count(*)::int as n from users where ${where}`)).rows as any[];
    return { items: rows.map(publicUser), total: n, page, pageSize };
  });
  r.post('/users', { schema: { tags: ['accounts'], body: userBody } }, async (req, reply) => {
    const actor = registryAdmin(req);
    await assertStrongPassword(req.body.password, req.body.username, { demoMode: app.deps.config.demoMode });
    const passwordHash = await hashPassword(req.body.password);
    const { password, ...fields } = req.body;
    try {
      const row = await db().transaction(async (tx) => {
        const [row] = await tx
          .insert(users)
          .values({ ...fields, passwordHash, mustChangePassword: true })
          .returning();
        await writeAudit(
          tx,
          actor,
          { action: 'create', entity: 'user', entityId: row.id, after: publicUser(row) },
          req.ip,
        );
        return row;
      });
      return reply.status(201).send(publicUser(row));
    } catch (e) {
      if ((e as any)?.cause?.code === '23505' || (e as any)?.code === '23505') throw new AppError('duplicate_username');
      rethrowUnique(e);
    }
  });
  r.patch('/users/:id', { schema: { tags: ['accounts'], params: idParam, body: userPatch } }, async (req) => {
    const actor = registryAdmin(req);
    return db().transaction(async (tx) => {
      const [before] = await tx.select().from(users).where(eq(users.id, req.params.id));
      if (!before) throw notFound();
      const [row] = await tx.update(users).set(req.body).where(eq(users.id, before.id)).returning();
      if (req.body.active === false) await endSessionsOf(tx, before.id);
      await writeAudit(
        tx,
        actor,
        { action: 'update', entity: 'user', entityId: row.id, before: publicUser(before), after: publicUser(row) },
        req.ip,
      );
      return publicUser(row);
    });
  });
  r.post(
    '/users/:id/reset-password',
    { schema: { tags: ['accounts'], params: idParam, body: z.object({ password: z.string().min(1).max(128) }) } },
    async (req) => {
      const actor = registryAdmin(req);
      const [u] = await db().select().from(users).where(eq(users.id, req.params.id));
      if (!u) throw notFound();
      await assertStrongPassword(req.body.password, u.username, {
        demoMode: app.deps.config.demoMode,
        currentHash: u.passwordHash,
      });
      const passwordHash = await hashPassword(req.body.password);
      await db().transaction(async (tx) => {
        await tx.update(users).set({ passwordHash, mustChangePassword: true }).where(eq(users.id, u.id));
        await endSessionsOf(tx, u.id);
        // A reset also lifts the account's sign-in lock and every address's back-off for it.
        await clearCountersOf(tx, u.username, u.id);
        await writeAudit(tx, actor, { action: 'reset_password', entity: 'user', entityId: u.id }, req.ip);
      });
      return { ok: true };
    },
  );

  r.get('/api-tokens', { schema: { tags: ['accounts'] } }, async (req) => {
    registryAdmin(req);
    const rows = await db().select().from(apiTokens).orderBy(apiTokens.id);
    return { items: rows.map(({ tokenHash, ...t }) => t) };
  });
  r.post(
    '/api-tokens',
    { config: { secret: true }, schema: { tags: ['accounts'], body: tokenBody } },
    async (req, reply) => {
      const actor = registryAdmin(req);
      const out = await db().transaction(async (tx) => {
        const [u] = await tx.select().from(users).where(eq(users.id, req.body.userId));
        if (!u) throw notFound();
        if (req.body.roles.some((x) => !u.roles.includes(x))) throw fieldError('roles', 'token_roles_not_held');
        const { expiresInDays, ...fields } = req.body;
        const expiresAt = new Date(app.deps.now().getTime() + expiresInDays * DAY);
        const tok = await createApiToken(tx, { ...fields, createdBy: actor.userId, expiresAt });
        const after = { name: tok.name, roles: tok.roles, userId: u.id, username: u.username, expiresAt };
        await writeAudit(tx, actor, { action: 'create', entity: 'api_token', entityId: tok.id, after }, req.ip);
        // A token for someone else acts as them: their own history records who issued it.
        if (u.id !== actor.userId) {
          const issued = { tokenId: tok.id, ...after, createdBy: actor.username };
          await writeAudit(
            tx,
            actor,
            { action: 'issue_api_token', entity: 'user', entityId: u.id, after: issued },
            req.ip,
          );
        }
        return tok;
      });
      return reply.status(201).send(out);
    },
  );
  r.delete('/api-tokens/:id', { schema: { tags: ['accounts'], params: idParam } }, async (req) => {
    const actor = registryAdmin(req);
    return db().transaction(async (tx) => {
      const [row] = await tx
        .update(apiTokens)
        .set({ revokedAt: app.deps.now() })
        .where(eq(apiTokens.id, req.params.id))
        .returning();
      if (!row) throw notFound();
      await writeAudit(tx, actor, { action: 'delete', entity: 'api_token', entityId: row.id }, req.ip);
      return { ok: true };
    });
  });
};
