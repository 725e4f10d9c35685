import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Integration tests run on real migrations: always on in-process PGlite, and again on PostgreSQL when
// TEST_DATABASE_URL is set (.ci/run sets it). Web unit tests run in node.
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  test: {
    projects: [
      {
        extends: true as const,
        test: {
          name: 'pglite',
          include: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'scripts/**/*.test.mjs'],
          env: { ZONEOS_TEST_DB: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(withPostgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: ['server/**/*.test.ts'],
                // These open their own PGlite or spawn the CLI; running them twice adds nothing.
                exclude: ['server/cli.test.ts', 'server/env.test.ts', 'server/platform/db/migrate.test.ts'],
                env: { ZONEOS_TEST_DB: 'postgres' },
                globalSetup: ['server/test/global-setup.ts'],
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      { extends: true as const, test: { name: 'web', include: ['web/src/**/*.test.ts'], environment: 'node' } },
    ],
  },
});
