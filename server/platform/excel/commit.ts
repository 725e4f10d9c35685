import type { ZoneScope } from '../access';
import { recordAudit } from '../audit';
import type { Db, Tx } from '../db';
import type { AnyImportKind } from './kind';

export interface CommitOptions {
  kind: AnyImportKind;
  scope: ZoneScope;
  /** Validated rows (what check() returned), in file order. */
  rows: unknown[];
  /** What kind.setup() returned. */
  data: unknown;
  /** Recorded in the audit event: the import job's id and the uploaded file's name. */
  source: { id: string; fileName: string };
  batchSize?: number;
  /** Runs last inside the same transaction (e.g. mark the import job succeeded, so status and data agree). */
  finish?(tx: Tx, result: { inserted: number }): Promise<void>;
}

/**
 * All-or-nothing write of a validated file: ONE transaction, the kind's commit() per batch of ~1000 rows
 * (multi-row INSERTs), and a single audit event for the whole import with its counts. If anything throws, no row,
 * no audit event and no status change is written.
 */
export async function commitImport(db: Db, o: CommitOptions): Promise<{ inserted: number }> {
  const batchSize = o.batchSize ?? 1000;
  return db.transaction(async (tx) => {
    let inserted = 0;
    for (let i = 0; i < o.rows.length; i += batchSize) {
      inserted += await o.kind.commit(tx, o.rows.slice(i, i + batchSize), { scope: o.scope, data: o.data });
    }
    await recordAudit(tx, {
      actor: o.scope.actor,
      zoneId: o.scope.zoneId,
      action: 'import',
      entity: o.kind.entity,
      entityId: o.source.id,
      after: { kind: o.kind.kind, file: o.source.fileName, rows: o.rows.length, inserted },
    });
    await o.finish?.(tx, { inserted });
    return { inserted };
  });
}
