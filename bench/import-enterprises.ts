/**
 * Enterprise import at 100,000 rows, the way a user does it: upload through the HTTP API, the pg-boss job streams
 * the .xlsx (ExcelJS), validates every row (credit-code check digit, GB/T 4754 code, duplicates, sub-parks) and
 * commits all rows in one transaction — or none.
 *
 *   npm run bench -- import-enterprises                     # PostgreSQL (BENCH_DATABASE_URL, default zoneos_bench_import, created if missing)
 *   BENCH_DATABASE_URL= npm run bench -- import-enterprises # embedded PGlite (in memory)
 *   ROWS=20000 npm run bench -- import-enterprises
 *
 * 1. The file with 3 bad rows (a wrong check character, an unknown industry code, a credit code repeated from an
 *    earlier row) must be refused whole with exactly those 3 rows reported and no enterprise written.
 * 2. The same file fixed must import completely; its wall time (upload → job succeeded) is the figure, target < 30 s
 *    on PostgreSQL.
 * Baseline from the same run: ExcelJS streaming parse of the file alone, plus a plain COPY (PostgreSQL; on PGlite a
 * multi-row INSERT) of the same rows into another zone. Adds two zones per run, drops nothing. Exits non-zero when a
 * check fails.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { from as copyFrom } from 'pg-copy-streams';
import { buildApp } from '../server/app';
import { enterprises } from '../server/domains/enterprises/enterprises.tables';
import { subParks } from '../server/domains/tenancy/tenancy.tables';
import { loadEnv } from '../server/env';
import { openDatabase } from '../server/platform/db';
import { migrate } from '../server/platform/db/migrate';
import { SUB_PARKS } from '../server/seed/demo';
import { type GeneratedEnterprise, generateZoneEnterprises, insertEnterprises } from '../server/seed/enterprises';
import { Random } from '../server/seed/random';
import { makeProvince, makeUser, makeZone, PASSWORD } from '../server/test/factories';
import { login } from '../server/test/harness';
import { creditCodeCheckChar } from '../shared/credit-code';
import { ensureDatabase } from './ensure-db.helper';

const ROWS = Number(process.env.ROWS ?? 100_000);
const URL_DEFAULT = 'postgres://postgres@127.0.0.1:5432/zoneos_bench_import';
const url = process.env.BENCH_DATABASE_URL === undefined ? URL_DEFAULT : process.env.BENCH_DATABASE_URL || undefined;
const TARGET_MS = 30_000;
const HEADER = [
  '统一社会信用代码',
  '企业名称',
  '行业代码',
  '规模',
  '所属园区',
  '标签',
  '用地(亩)',
  '建筑面积(㎡)',
  '法定代表人',
  '成立日期',
];

function sheetRow(e: GeneratedEnterprise, parkName: Map<string, string>): unknown[] {
  return [
    e.creditCode,
    e.name,
    e.industryCode,
    e.scale === 'above' ? '规上' : '规下',
    e.subParkId ? parkName.get(e.subParkId) : '',
    e.tags.join('、'),
    e.landMu,
    e.buildingM2,
    e.legalRep,
    e.establishedOn ? new Date(`${e.establishedOn}T00:00:00Z`) : null,
  ];
}

async function xlsxOf(rows: unknown[][]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new (await import('node:stream')).Writable({
    write(chunk, _enc, cb) {
      chunks.push(chunk as Buffer);
      cb();
    },
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  const ws = wb.addWorksheet('企业');
  ws.addRow(HEADER).commit();
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

const rate = (n: number, ms: number) => `${Math.round(n / (ms / 1000)).toLocaleString('en-US')} rows/s`;

export default async function main(): Promise<number> {
  if (url) await ensureDatabase(url);
  const database = await openDatabase(url ? { url, poolSize: 5 } : { dataDir: 'memory://' });
  await migrate(database.db);
  const { db } = database;
  const env = loadEnv({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DEMO_SEED: 'false',
    WEB_DIST: './.no-web',
    ARGON2_MEMORY_KIB: '4096',
    ARGON2_TIME_COST: '1',
    JOBS_POLL_SECONDS: '0.5',
    JOBS_SCHEMA: `pgboss_bench${randomUUID().slice(0, 8)}`,
  });
  const app = await buildApp({ database, env, logger: false });
  await app.ready();

  const province = await makeProvince(db);
  const zone = await makeZone(db, province.id);
  const baselineZone = await makeZone(db, province.id);
  const parks = await db
    .insert(subParks)
    .values(SUB_PARKS.map((s) => ({ ...s, zoneId: zone.id })))
    .returning({ id: subParks.id, code: subParks.code, name: subParks.name });
  const parkName = new Map(parks.map((p) => [p.id, p.name]));
  const user = await makeUser(db, 'zone_leader', { zoneId: zone.id });
  const client = await login(app, user.username, PASSWORD);

  const generated = generateZoneEnterprises(new Random(20261124), {
    zoneId: zone.id,
    count: ROWS,
    subParks: parks,
    officerIds: [],
    places: ['益阳', '赫山', '龙岭', '资阳', '桃江'],
    division: '430900',
  });
  const good = generated.map((e) => sheetRow(e, parkName));

  // Three bad rows spread through the file; sheet row = index + 2 (row 1 is the header).
  const bad = good.map((r) => [...r]);
  const wrongCheck = Math.floor(ROWS * 0.01);
  const unknownIndustry = Math.floor(ROWS * 0.5);
  const repeated = ROWS - 3;
  const code = String(bad[wrongCheck]![0]);
  const wrongChar = creditCodeCheckChar(code.slice(0, 17)) === '0' ? '1' : '0';
  bad[wrongCheck]![0] = code.slice(0, 17) + wrongChar;
  bad[unknownIndustry]![2] = '999';
  bad[repeated]![0] = bad[7]![0];
  const expectedRows = [wrongCheck + 2, unknownIndustry + 2, repeated + 2];

  let t = performance.now();
  const badFile = await xlsxOf(bad);
  const goodFile = await xlsxOf(good);
  console.log(
    `${ROWS.toLocaleString('en-US')} rows, ${(goodFile.length / 1e6).toFixed(1)} MB .xlsx written in ${Math.round(performance.now() - t)} ms; database: ${database.kind}`,
  );

  const upload = async (file: Buffer, name: string) => {
    const started = performance.now();
    const res = await client.post(`/api/imports/enterprises?filename=${encodeURIComponent(name)}`, file, {
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    if (res.statusCode !== 202) throw new Error(`upload answered ${res.statusCode}: ${res.body}`);
    const id = res.json().id as string;
    for (;;) {
      const job = (await client.get(`/api/imports/jobs/${id}`)).json();
      if (!['queued', 'running'].includes(job.status)) return { job, ms: performance.now() - started };
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const inZone = async (zoneId: string) =>
    (await db.select({ n: count() }).from(enterprises).where(eq(enterprises.zoneId, zoneId)))[0]!.n;

  let failed = 0;
  const check = (ok: boolean, what: string) => {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) failed++;
  };

  // 1. Refused whole, exactly the 3 rows.
  const refused = await upload(badFile, 'enterprises-3-bad-rows.xlsx');
  const reported = (refused.job.errors as { row: number; column: string; message: string }[]).map((e) => e.row);
  check(refused.job.status === 'failed_validation', `file with 3 bad rows refused (status ${refused.job.status})`);
  check(
    JSON.stringify([...new Set(reported)].sort((a, b) => a - b)) === JSON.stringify(expectedRows),
    `exactly rows ${expectedRows.join(', ')} reported (got ${[...new Set(reported)].join(', ')})`,
  );
  for (const e of refused.job.errors) console.log(`     row ${e.row} · ${e.column}: ${e.message}`);
  check((await inZone(zone.id)) === 0, 'nothing written');

  // 2. Fixed file imports completely.
  const imported = await upload(goodFile, 'enterprises-fixed.xlsx');
  const n = await inZone(zone.id);
  check(imported.job.status === 'succeeded' && n === ROWS, `fixed file imported: ${n.toLocaleString('en-US')} rows`);
  if (database.kind === 'postgres') check(imported.ms < TARGET_MS, `under ${TARGET_MS / 1000} s on PostgreSQL`);

  // Baseline: ExcelJS parse only + plain COPY (PostgreSQL) / multi-row INSERT (PGlite) of the same rows.
  t = performance.now();
  let parsed = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(goodFile), {
    sharedStrings: 'cache',
    worksheets: 'emit',
  });
  for await (const ws of reader) for await (const _row of ws) parsed++;
  const parseMs = performance.now() - t;
  const same = generated.map((e) => ({ ...e, id: randomUUID(), zoneId: baselineZone.id }));
  t = performance.now();
  if (database.pool) {
    const conn = await database.pool.connect();
    try {
      const copy = conn.query(
        copyFrom(
          'COPY enterprises (id, zone_id, sub_park_id, credit_code, name, name_pinyin, name_initials, industry_code, industry_section, scale, tags, land_mu, building_m2, legal_rep, contacts, established_on, status) FROM STDIN',
        ),
      );
      const esc = (v: unknown) =>
        v === null || v === undefined
          ? '\\N'
          : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
      const lines = function* () {
        for (const e of same) {
          yield `${[
            e.id,
            e.zoneId,
            e.subParkId,
            e.creditCode,
            e.name,
            e.namePinyin,
            e.nameInitials,
            e.industryCode,
            e.industrySection,
            e.scale,
            `{${e.tags.join(',')}}`,
            e.landMu,
            e.buildingM2,
            e.legalRep,
            JSON.stringify(e.contacts),
            e.establishedOn,
            e.status,
          ]
            .map(esc)
            .join('\t')}\n`;
        }
      };
      await pipeline(Readable.from(lines()), copy);
    } finally {
      conn.release();
    }
  } else {
    await db.transaction((tx) => insertEnterprises(tx, same));
  }
  const loadMs = performance.now() - t;
  check((await inZone(baselineZone.id)) === ROWS, 'baseline rows loaded');

  console.table({
    'app: upload → refused (3 bad rows)': { ms: Math.round(refused.ms), rate: rate(ROWS, refused.ms) },
    'app: upload → imported (fixed file)': { ms: Math.round(imported.ms), rate: rate(ROWS, imported.ms) },
    'baseline: ExcelJS parse only': { ms: Math.round(parseMs), rate: rate(parsed, parseMs) },
    [`baseline: ${database.pool ? 'COPY' : 'INSERT'} only`]: { ms: Math.round(loadMs), rate: rate(ROWS, loadMs) },
    'baseline: parse + load': { ms: Math.round(parseMs + loadMs), rate: rate(ROWS, parseMs + loadMs) },
  });
  console.log(`app / baseline time: ${(imported.ms / (parseMs + loadMs)).toFixed(2)}×`);
  await app.close();
  await database.close();
  return failed ? 1 : 0;
}
