import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, ne, sql } from 'drizzle-orm';
import { sessions, users } from '../../domains/auth/auth.tables';
import type { Actor } from '../access';
import type { Executor } from '../db';

export const SESSION_COOKIE = 'zoneos_sid';

export interface SessionPolicy {
  idleMinutes: number;
  maxDays: number;
  /** Keep a resolved session in this process for this long (0: look it up on every request). */
  cacheSeconds?: number;
}

/**
 * Resolved sessions, kept a few seconds so a burst of requests (a page loading its lists and charts) costs one
 * session lookup instead of one per request. Every change that ends or alters a session on this server forgets the
 * user's entries at once (logout, password change, role/scope change, disable); another app server sees such a
 * change within `cacheSeconds` (SESSION_CACHE_SECONDS, default 5; 0 turns the cache off).
 */
interface CachedSession {
  actor: Omit<Actor, 'ip'>;
  until: number;
}
const cache = new Map<string, CachedSession>();
const CACHE_MAX = 10_000;

/** Forget cached sessions of a user (call with the change; entries are re-read from the database). */
export function forgetUserSessions(userId: string): void {
  for (const [id, entry] of cache) if (entry.actor.userId === userId) cache.delete(id);
}
function forgetSession(sessionId: string): void {
  cache.delete(sessionId);
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
  const ttl = (policy.cacheSeconds ?? 0) * 1000;
  const hit = ttl > 0 ? cache.get(id) : undefined;
  if (hit && hit.until > Date.now()) return { ...hit.actor, ip };
  if (hit) cache.delete(id);
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
  const actor = actorFromUser(row.user, id, row.session.csrfToken, ip);
  if (ttl > 0) {
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
    const until = Math.min(Date.now() + ttl, row.session.expiresAt.getTime());
    const { ip: _ip, ...rest } = actor;
    cache.set(id, { actor: rest, until });
  }
  return actor;
}

export async function deleteSession(ex: Executor, sessionId: string): Promise<void> {
  forgetSession(sessionId);
  await ex.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Logout everywhere; keepSessionId keeps the caller's own session (after a password change). */
export async function deleteUserSessions(ex: Executor, userId: string, keepSessionId?: string): Promise<number> {
  forgetUserSessions(userId);
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
