import { asc, eq, inArray } from 'drizzle-orm';
import type { Locale, SessionInfo } from '../../../shared/auth';
import { permissionsOf } from '../../../shared/roles';
import type { Env } from '../../env';
import { type Actor, visibleZoneIds } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../../platform/auth/password';
import {
  actorFromUser,
  createSession,
  deleteSession,
  deleteUserSessions,
  forgetUserSessions,
} from '../../platform/auth/sessions';
import type { Db, Executor } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { zones } from '../tenancy/tenancy.tables';
import { findUserById, findUserByUsername, recentFailures, recordLoginAttempt } from './auth.repository';
import { users } from './auth.tables';

export async function sessionInfo(ex: Executor, actor: Actor): Promise<SessionInfo> {
  const visible = await visibleZoneIds(ex, actor);
  const zoneRows =
    visible === 'all'
      ? await ex.select().from(zones).orderBy(asc(zones.code))
      : visible.length
        ? await ex.select().from(zones).where(inArray(zones.id, visible)).orderBy(asc(zones.code))
        : [];
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      role: actor.role,
      locale: actor.locale,
      zoneId: actor.zoneId,
      provinceId: actor.provinceId,
      departmentId: actor.departmentId,
      enterpriseId: actor.enterpriseId,
      mustChangePassword: actor.mustChangePassword,
    },
    permissions: permissionsOf(actor.role),
    zones: zoneRows.map((z) => ({
      id: z.id,
      provinceId: z.provinceId,
      code: z.code,
      name: z.name,
      nameEn: z.nameEn,
      level: z.level,
    })),
    csrfToken: actor.csrfToken,
  };
}

export interface LoginInput {
  username: string;
  password: string;
  ip: string;
  userAgent: string | undefined;
}

/**
 * Rate limit first (per username since its last success, and per IP), then argon2id verification.
 * Unknown users cost the same time as known ones.
 */
export async function login(db: Db, env: Env, input: LoginInput): Promise<{ token: string; actor: Actor }> {
  const username = input.username.trim().toLowerCase();
  const windowStart = new Date(Date.now() - env.LOGIN_WINDOW_MINUTES * 60_000);
  const failures = await recentFailures(db, username, input.ip, windowStart);
  if (failures.byUser >= env.LOGIN_MAX_FAILURES || failures.byIp >= env.LOGIN_MAX_FAILURES * 4) {
    const unlockAt = (failures.oldest?.getTime() ?? Date.now()) + env.LOGIN_WINDOW_MINUTES * 60_000;
    const seconds = Math.max(1, Math.ceil((unlockAt - Date.now()) / 1000));
    throw new AppError(429, 'LOGIN_RATE_LIMITED', { minutes: Math.ceil(seconds / 60) }, undefined, {
      'retry-after': String(seconds),
    });
  }
  const user = await findUserByUsername(db, username);
  let ok = false;
  if (user) ok = await verifyPassword(user.passwordHash, input.password);
  else await burnPasswordCheck(input.password);
  if (!user || !ok) {
    await recordLoginAttempt(db, username, input.ip, false);
    throw new AppError(401, 'INVALID_CREDENTIALS');
  }
  if (user.disabled) throw new AppError(403, 'ACCOUNT_DISABLED');
  return db.transaction(async (tx) => {
    await recordLoginAttempt(tx, username, input.ip, true);
    const session = await createSession(
      tx,
      user.id,
      { idleMinutes: env.SESSION_IDLE_MINUTES, maxDays: env.SESSION_MAX_DAYS },
      { ip: input.ip, userAgent: input.userAgent },
    );
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
    const actor = actorFromUser(user, '', session.csrfToken, input.ip);
    await recordAudit(tx, { actor, zoneId: user.zoneId, action: 'login', entity: 'session', entityId: user.id });
    return { token: session.token, actor };
  });
}

export async function logout(db: Db, actor: Actor, everywhere: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    if (everywhere) await deleteUserSessions(tx, actor.userId);
    else await deleteSession(tx, actor.sessionId);
    await recordAudit(tx, {
      actor,
      zoneId: actor.zoneId,
      action: everywhere ? 'logout_everywhere' : 'logout',
      entity: 'session',
      entityId: actor.userId,
    });
  });
  // Again after commit: a request that read the session before the delete committed may have cached it.
  forgetUserSessions(actor.userId);
}

export async function changePassword(db: Db, actor: Actor, current: string, next: string): Promise<void> {
  const user = await findUserById(db, actor.userId);
  if (!user) throw new AppError(401, 'UNAUTHENTICATED');
  if (!(await verifyPassword(user.passwordHash, current))) {
    throw new AppError(400, 'VALIDATION', {}, { currentPassword: 'WRONG_PASSWORD' });
  }
  if (current === next) throw new AppError(400, 'VALIDATION', {}, { newPassword: 'PASSWORD_REUSED' });
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), updatedAt: new Date() })
      .where(eq(users.id, actor.userId));
    const ended = await deleteUserSessions(tx, actor.userId, actor.sessionId);
    await recordAudit(tx, {
      actor,
      zoneId: actor.zoneId,
      action: 'password_change',
      entity: 'user',
      entityId: actor.userId,
      after: { otherSessionsEnded: ended },
    });
  });
  forgetUserSessions(actor.userId);
}

export async function updateProfile(
  db: Db,
  actor: Actor,
  input: { displayName: string; locale: Locale },
): Promise<Actor> {
  const updated = await db.transaction(async (tx) => {
    const before = await findUserById(tx, actor.userId);
    await tx
      .update(users)
      .set({ displayName: input.displayName, locale: input.locale, updatedAt: new Date() })
      .where(eq(users.id, actor.userId));
    await recordAudit(tx, {
      actor,
      zoneId: actor.zoneId,
      action: 'update',
      entity: 'profile',
      entityId: actor.userId,
      before: { displayName: before?.displayName, locale: before?.locale },
      after: input,
    });
    return { ...actor, displayName: input.displayName, locale: input.locale };
  });
  forgetUserSessions(actor.userId);
  return updated;
}
