import { buildApp } from './app';
import { openAndMigrate } from './bootstrap';
import { EnvError, loadEnv } from './env';
import { DEMO_PASSWORD, hasData, seedDemo } from './seed/demo';

async function main(): Promise<void> {
  const env = loadEnv();
  const { database, applied } = await openAndMigrate(env);
  let logins: Awaited<ReturnType<typeof seedDemo>> = [];
  if (env.DEMO_SEED && !(await hasData(database.db))) logins = await seedDemo(database.db);

  const app = await buildApp({
    database,
    env,
    logger:
      env.NODE_ENV === 'development' && process.stdout.isTTY
        ? { level: env.LOG_LEVEL, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } }
        : { level: env.LOG_LEVEL },
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      app.log.error('shutdown timed out; exiting');
      process.exit(1);
    }, 10_000);
    timer.unref();
    try {
      await app.close();
      await database.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ host: env.HOST, port: env.PORT });
  const where = env.DATABASE_URL ? 'PostgreSQL' : `embedded PGlite at ${env.DATA_DIR}`;
  const lines = [
    '',
    `  ZoneOS 园区治理与服务平台 is running: http://localhost:${env.PORT}`,
    `  API docs: http://localhost:${env.PORT}/api/docs   database: ${where}   migrations applied now: ${applied}`,
  ];
  if (logins.length > 0 || env.DEMO_SEED) {
    lines.push(`  Demo logins (password for all: ${DEMO_PASSWORD}):`);
    const list = logins.length
      ? logins
      : [
          { username: 'admin', scope: 'platform admin' },
          { username: 'leader', scope: 'zone leader, 益阳高新区' },
          { username: 'invest.head', scope: 'department head' },
          { username: 'officer', scope: 'chief service officer' },
          { username: 'auditor', scope: 'auditor' },
          { username: 'province', scope: 'province viewer' },
        ];
    for (const l of list)
      lines.push(`    ${l.username.padEnd(14)} ${'role' in l ? `${l.role.padEnd(17)} ` : ''}${l.scope}`);
  }
  console.log(lines.join('\n'));
}

main().catch((err) => {
  if (err instanceof EnvError) console.error(err.message);
  else console.error('ZoneOS failed to start:', err);
  process.exit(1);
});
