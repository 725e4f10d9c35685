import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { defaultEfficiencyParams } from '../../../shared/efficiency';
import { openDatabase } from '../../platform/db';
import { MIGRATIONS_FOLDER, migrate } from '../../platform/db/migrate';
import { evaluate } from './efficiency.engine';
import { expandBreakdown } from './efficiency.repository';
import { efficiencyResults, efficiencyRuns } from './efficiency.tables';

/**
 * Migration 0020 turns stored JSON breakdowns into the compact arrays (and the min–max ranges onto the run): a result
 * written the old way reads back, after the migration, as the same lines the engine produced.
 */
describe('efficiency migration 0020 (compact results)', () => {
  it('keeps every breakdown line of results computed before it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'zoneos-mig-eff-'));
    cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalPath = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
    const upTo = journal.entries.findIndex((e: { tag: string }) => e.tag.startsWith('0020_'));
    expect(upTo).toBeGreaterThan(0);
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }));

    const database = await openDatabase({ dataDir: 'memory://' });
    try {
      const db = database.db;
      await migrate(db, folder);
      // Worked example: three firms, min–max method, one firm missing its emission figure (group average).
      const params = { ...defaultEfficiencyParams(), method: 'minmax' as const };
      const firm = (n: number, emission: number | null) => ({
        enterpriseId: `00000000-0000-4000-8000-00000000000${n}`,
        year: 2025,
        landMu: 10 * n,
        leasedM2: null,
        tax: 100 * n * n,
        revenue: 2000 * n,
        valueAdded: 500 * n,
        energyTce: 40,
        electricityMwh: 300,
        emissionT: emission,
        rdExpense: 30 * n,
        employees: 50,
        scale: 'above' as const,
        newlyAbove: false,
        leasedOut: false,
        incident: false,
        veto: false,
        tClass: null,
      });
      const inputs = [firm(1, 2), firm(2, null), firm(3, 5)];
      const { benchmarks, ranges, results } = evaluate(params, inputs);
      const zoneId = '00000000-0000-4000-8000-0000000000aa';
      const runId = '00000000-0000-4000-8000-0000000000bb';
      // The old schema's foreign keys would need a zone and enterprises; this test only exercises the conversion.
      await db.execute(sql`set session_replication_role = replica`);
      await db.execute(sql`insert into efficiency_runs (id, zone_id, year, name, status, params, benchmarks)
        values (${runId}, ${zoneId}, 2025, 'old run', 'computed', ${JSON.stringify(params)}::jsonb,
          ${JSON.stringify(benchmarks)}::jsonb)`);
      for (const r of results)
        await db.execute(sql`insert into efficiency_results (zone_id, run_id, enterprise_id, grp, base_score, score,
            rank, group_size, percentile, cls, breakdown, adjustments, policies, inputs)
          values (${zoneId}, ${runId}, ${r.enterpriseId}, ${r.group}, ${r.baseScore}, ${r.score}, ${r.rank},
            ${r.groupSize}, ${r.percentile}, ${r.cls}, ${JSON.stringify(r.breakdown)}::jsonb, '[]'::jsonb, '[]'::jsonb,
            '{}'::jsonb)`);
      await db.execute(sql`set session_replication_role = origin`);

      await migrate(db); // the whole stream: 0020 and later
      const [run] = await db.select().from(efficiencyRuns).where(eq(efficiencyRuns.id, runId));
      // (An empty group has no lines to read its ranges from; nothing of it is shown either.)
      expect(run!.ranges?.above).toEqual(JSON.parse(JSON.stringify(ranges.above)));
      const stored = await db.select().from(efficiencyResults).where(eq(efficiencyResults.runId, runId));
      expect(stored).toHaveLength(3);
      for (const r of results) {
        const row = stored.find((s) => s.enterpriseId === r.enterpriseId)!;
        expect(expandBreakdown(run!, row)).toEqual(r.breakdown);
      }
      // The missing emission line stays a missing line at the group average.
      const second = stored.find((s) => s.enterpriseId === inputs[1]!.enterpriseId)!;
      const line = expandBreakdown(run!, second).find((l) => l.indicator === 'valueAddedPerEmission');
      if (line) expect(line).toMatchObject({ value: null, basis: 'missing_average' });
    } finally {
      await database.close();
    }
  });
});
