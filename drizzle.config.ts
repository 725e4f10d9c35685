import { defineConfig } from 'drizzle-kit';

// Generates the ordered SQL migration stream from the per-domain table files.
// The same files are applied by server/platform/db/migrate.ts in tests, `npm start` and `zoneos migrate`.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./server/platform/**/*.tables.ts', './server/domains/**/*.tables.ts'],
  out: './server/migrations',
});
