import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench -- <name>`: runs bench/<name>.ts, whose default export does the measuring and prints its figure
 * next to a baseline measured in the same run. Benchmarks use loopback only, bound their time and exit by themselves.
 */
const dir = fileURLToPath(new URL('.', import.meta.url));
// bench/<name>.ts are benchmarks; helper files have a second dot (e.g. enterprise-list.server.ts).
const available = readdirSync(dir)
  .filter((f) => /^[a-z0-9-]+\.ts$/.test(f) && f !== 'run.ts')
  .map((f) => f.replace(/\.ts$/, ''));

const name = process.argv[2];
if (!name || !/^[a-z0-9-]+$/.test(name) || !existsSync(`${dir}${name}.ts`)) {
  console.log(`usage: npm run bench -- <name>\navailable: ${available.join(', ') || '(none)'}`);
  process.exit(name ? 2 : 0);
}
const mod = (await import(`./${name}.ts`)) as { default: (args: string[]) => Promise<number | undefined> };
const code = await mod.default(process.argv.slice(3));
process.exit(code ?? 0);
