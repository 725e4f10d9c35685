import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, ne, sql } from 'drizzle-orm';
import { sessions, users } from '../../domains/auth/auth.tables';
import type { Actor } from '../access';
import type { Executor } from '../db';

export const SESSION_COOKIE = 'zoneos_sid';

export interface SessionPolicy {
  idleMinutes: number;
  maxDays: number;
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  ex: Executor,
  userId: string,
  policy: SessionPolicy,
  meta: { ip: string; userAgent: string | undefined },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + policy.maxDays * 86400_000);
  await ex.insert(sessions).values({
    id: sessionIdOf(token),
    userId,
    csrfToken,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    expiresAt,
  });
  return { token, csrfToken, expiresAt };
}

/** The actor behind a cookie token, or null when the session is unknown, expired, idle too long or the user disabled. */
export async function resolveSession(
  ex: Executor,
  token: string,
  policy: SessionPolicy,
  ip: string,
): Promise<Actor | null> {
  const id = sessionIdOf(token);
  const idleCutoff = new Date(Date.now() - policy.idleMinutes * 60_000);
  const [row] = await ex
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, new Date()), gt(sessions.lastSeenAt, idleCutoff)))
    .limit(1);
  if (!row || row.user.disabled) return null;
  if (Date.now() - row.session.lastSeenAt.getTime() > 60_000) {
    await ex.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, id));
  }
  return actorFromUser(row.user, id, row.session.csrfToken, ip);
}

export async function deleteSession(ex: Executor, sessionId: string): Promise<void> {
  await ex.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Logout everywhere; keepSessionId keeps the caller's own session (after a password change). */
export async function deleteUserSessions(ex: Executor, userId: string, keepSessionId?: string): Promise<number> {
  const where = keepSessionId
    ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))
    : eq(sessions.userId, userId);
  const deleted = await ex.delete(sessions).where(where).returning({ id: sessions.id });
  return deleted.length;
}

export async function purgeExpiredSessions(ex: Executor): Promise<void> {
  await ex.delete(sessions).where(sql`${sessions.expiresAt} < now()`);
}

/** The Actor of a signed-in user row (the session id is the hash stored in `sessions`). */
export function actorFromUser(u: typeof users.$inferSelect, sessionId: string, csrfToken: string, ip: string): Actor {
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    locale: u.locale,
    zoneId: u.zoneId,
    provinceId: u.provinceId,
    departmentId: u.departmentId,
    enterpriseId: u.enterpriseId,
    mustChangePassword: u.mustChangePassword,
    sessionId,
    csrfToken,
    ip,
  };
}
