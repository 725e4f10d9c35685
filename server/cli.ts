import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { roleSchema } from '../shared/roles';
import { userCreateSchema } from '../shared/users';
import { buildApp } from './app';
import { openAndMigrate } from './bootstrap';
import { departments } from './domains/org/org.tables';
import { provinces, zones } from './domains/tenancy/tenancy.tables';
import { createUser } from './domains/users/users.service';
import { EnvError, loadEnv } from './env';
import { verifyAudit } from './platform/audit';
import { configurePasswords } from './platform/auth/password';
import type { Database } from './platform/db';
import { DEMO_PASSWORD, hasData, seedDemo } from './seed/demo';
import { seedProvince } from './seed/province';

const HELP = `zoneos <command> [options]

Commands:
  migrate                         apply pending SQL migrations (exit 1 on failure)
  seed [--force] [--scale zone|province] [--seed N]
                                  zone (default): the demo (益阳高新区 with ~800 enterprises, 岳塘经开区, logins) into
                                  an empty database (--force: even if data exists); province: 135 Hunan zones with
                                  ≥ 200,000 enterprises (adds to the demo; bulk-loaded). Prints the time taken.
  user:create --username U --password P --role R [--zone CODE] [--department CODE] [--province CODE] [--name N]
  audit:verify                    recompute the audit hash chains; exit 1 if any row was tampered with or removed
  openapi [--out docs/openapi.json]  write the OpenAPI 3.1 document

Configuration comes from the environment (see README): DATABASE_URL for PostgreSQL, else DATA_DIR for PGlite.`;

async function withDb<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const env = loadEnv();
  configurePasswords({ memoryCost: env.ARGON2_MEMORY_KIB, timeCost: env.ARGON2_TIME_COST });
  const { database } = await openAndMigrate(env);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      force: { type: 'boolean' },
      username: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      zone: { type: 'string' },
      department: { type: 'string' },
      province: { type: 'string' },
      name: { type: 'string' },
      out: { type: 'string' },
      scale: { type: 'string' },
      seed: { type: 'string' },
    },
    strict: true,
  });
  switch (command) {
    case 'migrate': {
      const env = loadEnv();
      const { database, applied } = await openAndMigrate(env);
      await database.close();
      console.log(`migrations applied: ${applied}`);
      return 0;
    }
    case 'seed': {
      const scale = values.scale ?? 'zone';
      if (scale !== 'zone' && scale !== 'province') throw new Error(`--scale must be zone or province, not ${scale}`);
      const seed = values.seed === undefined ? undefined : Number(values.seed);
      if (seed !== undefined && !Number.isInteger(seed)) throw new Error('--seed must be an integer');
      return withDb(async ({ db }) => {
        const started = performance.now();
        if (scale === 'province') {
          const res = await seedProvince(db, { seed, log: (line) => console.log(line) });
          console.log(
            `province seeded: +${res.zonesAdded} zones (${res.zonesTotal} in the province), +${res.enterprisesAdded} enterprises (${res.enterprisesTotal} in total) in ${(res.ms / 1000).toFixed(1)} s`,
          );
          return 0;
        }
        if ((await hasData(db)) && !values.force) {
          console.log('database already has zones; nothing seeded (use --force to add the demo anyway)');
          return 0;
        }
        const logins = await seedDemo(db, seed);
        console.log(
          `demo zone seeded; ${logins.length} logins, password ${DEMO_PASSWORD} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
        );
        return 0;
      });
    }
    case 'user:create':
      return withDb(async ({ db }) => {
        const role = roleSchema.parse(values.role);
        const zoneId = values.zone
          ? (await db.select({ id: zones.id }).from(zones).where(eq(zones.code, values.zone)))[0]?.id
          : null;
        if (values.zone && !zoneId) throw new Error(`unknown zone code ${values.zone}`);
        const departmentId = values.department
          ? (
              await db.select({ id: departments.id }).from(departments).where(eq(departments.code, values.department))
            )[0]?.id
          : null;
        const provinceId = values.province
          ? (await db.select({ id: provinces.id }).from(provinces).where(eq(provinces.code, values.province)))[0]?.id
          : null;
        const input = userCreateSchema.parse({
          username: values.username,
          password: values.password,
          displayName: values.name ?? values.username,
          role,
          zoneId: zoneId ?? null,
          departmentId: departmentId ?? null,
          provinceId: provinceId ?? null,
        });
        const u = await createUser(db, null as never, input);
        console.log(`created ${u.username} (${u.role})`);
        return 0;
      });
    case 'audit:verify':
      return withDb(async ({ db }) => {
        const result = await verifyAudit(db);
        console.log(
          `${result.chains} chains, ${result.events} events: ${result.ok ? 'intact' : `${result.problems.length} problem(s)`}`,
        );
        for (const p of result.problems) console.log(`  [${p.kind}] ${p.chain} seq ${p.seq ?? '-'}: ${p.message}`);
        return result.ok ? 0 : 1;
      });
    case 'openapi': {
      const env = loadEnv({ ...process.env, DEMO_SEED: 'false', LOG_LEVEL: 'silent' });
      const { openDatabase } = await import('./platform/db');
      const database = await openDatabase({ dataDir: 'memory://' });
      const app = await buildApp({ database, env, logger: false });
      await app.ready();
      const out = values.out ?? 'docs/openapi.json';
      writeFileSync(out, `${JSON.stringify(app.swagger(), null, 2)}\n`);
      await app.close();
      await database.close();
      console.log(`wrote ${out}`);
      return 0;
    }
    default:
      console.log(HELP);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

run(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err) => {
    if (err instanceof EnvError) console.error(err.message);
    else console.error(`zoneos: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
