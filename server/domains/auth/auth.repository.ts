import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { loginAttempts, users } from './auth.tables';

export async function findUserByUsername(ex: Executor, username: string) {
  const [u] = await ex.select().from(users).where(eq(users.username, username)).limit(1);
  return u;
}

export async function findUserById(ex: Executor, id: string) {
  const [u] = await ex.select().from(users).where(eq(users.id, id)).limit(1);
  return u;
}

export async function recordLoginAttempt(ex: Executor, username: string, ip: string, success: boolean) {
  await ex.insert(loginAttempts).values({ username, ip, success });
}

/** Failures for this username since its last success within the window, and failures from this IP in the window. */
export async function recentFailures(ex: Executor, username: string, ip: string, since: Date) {
  const lastSuccess = sql`coalesce((select max(${loginAttempts.at}) from ${loginAttempts}
      where ${loginAttempts.username} = ${username} and ${loginAttempts.success}), 'epoch'::timestamptz)`;
  const [byUser] = await ex
    .select({ n: count(), oldest: sql<string | null>`min(${loginAttempts.at})` })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.username, username),
        eq(loginAttempts.success, false),
        gt(loginAttempts.at, since),
        sql`${loginAttempts.at} > ${lastSuccess}`,
      ),
    );
  const [byIp] = await ex
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.success, false), gt(loginAttempts.at, since)));
  return { byUser: byUser?.n ?? 0, oldest: byUser?.oldest ? new Date(byUser.oldest) : null, byIp: byIp?.n ?? 0 };
}
