import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { FILE_MAX_MB, FILE_TYPES, type FileExtension } from '../../../shared/files';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Db, Executor } from '../../platform/db';
import { AppError, invalid, notFound } from '../../platform/errors';
import { type FileStore, newStorageKey } from '../../platform/storage';
import { enterprises } from '../enterprises/enterprises.tables';
import { files } from './files.tables';

export const FILE_MAX_BYTES = FILE_MAX_MB * 1024 * 1024;

/** What the first bytes must look like for each accepted extension (a renamed .exe is not a photo). */
function magicMatches(ext: FileExtension, b: Buffer): boolean {
  switch (ext) {
    case 'jpg':
    case 'jpeg':
      return b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
    case 'png':
      return b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case 'webp':
      return b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP';
    case 'pdf':
      return b.subarray(0, 5).toString('latin1') === '%PDF-';
    case 'docx':
    case 'xlsx':
    case 'pptx':
      return b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
    case 'txt':
      return !b.subarray(0, 8192).includes(0);
  }
}

export interface CheckedFile {
  bytes: Buffer;
  name: string;
  mime: string;
}

/** The body must be a non-empty file of an accepted type whose content matches its extension. */
export function checkFile(body: unknown, filename: string): CheckedFile {
  if (body === undefined || body === null) throw new AppError(400, 'FILE_MISSING');
  if (!Buffer.isBuffer(body)) throw new AppError(415, 'FILE_TYPE');
  if (body.length === 0) throw new AppError(400, 'FILE_EMPTY');
  if (body.length > FILE_MAX_BYTES) throw new AppError(413, 'FILE_TOO_LARGE', { maxMb: FILE_MAX_MB });
  // Path separators and control characters never reach a download header.
  const name = [...filename.trim()]
    .map((ch) => (ch === '/' || ch === '\\' || ch.charCodeAt(0) < 32 ? '_' : ch))
    .join('');
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (!ext || !(ext in FILE_TYPES)) throw new AppError(415, 'FILE_TYPE');
  const known = ext as FileExtension;
  if (!magicMatches(known, body)) throw new AppError(415, 'FILE_MISMATCH');
  return { bytes: body, name, mime: FILE_TYPES[known] };
}

/**
 * Stores the bytes, then records the metadata and the audit event in one transaction. If the transaction fails
 * the stored bytes are removed again, so no orphan is left behind on a refused upload.
 */
export async function uploadFile(
  db: Db,
  store: FileStore,
  scope: ZoneScope,
  file: CheckedFile,
  requestedEnterpriseId: string | undefined,
) {
  let enterpriseId = requestedEnterpriseId ?? null;
  if (scope.enterpriseId) {
    if (enterpriseId && enterpriseId !== scope.enterpriseId) throw new AppError(403, 'FILE_ENTERPRISE_OTHER');
    enterpriseId = scope.enterpriseId;
  } else if (enterpriseId) {
    const [found] = await db
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(and(eq(enterprises.id, enterpriseId), eq(enterprises.zoneId, scope.zoneId)));
    if (!found) throw notFound();
  }
  const key = newStorageKey(scope.zoneId);
  await store.put(key, file.bytes);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(files)
        .values({
          zoneId: scope.zoneId,
          enterpriseId,
          name: file.name,
          mime: file.mime,
          size: file.bytes.length,
          sha256: createHash('sha256').update(file.bytes).digest('hex'),
          storageKey: key,
          uploadedBy: scope.actor.userId,
        })
        .returning();
      await recordAudit(tx, {
        zoneId: scope.zoneId,
        actor: scope.actor,
        action: 'file.upload',
        entity: 'file',
        entityId: row!.id,
        after: { name: row!.name, mime: row!.mime, size: row!.size, sha256: row!.sha256, enterpriseId },
      });
      return row!;
    });
  } catch (err) {
    await store.remove(key).catch(() => undefined);
    throw err;
  }
}

/** A file the scope may read: same zone; an enterprise user only files marked with its enterprise. */
export async function getFile(ex: Executor, scope: ZoneScope, id: string) {
  const where = [eq(files.id, id), eq(files.zoneId, scope.zoneId)];
  if (scope.enterpriseId) where.push(eq(files.enterpriseId, scope.enterpriseId));
  const [row] = await ex
    .select()
    .from(files)
    .where(and(...where));
  return row;
}

/**
 * For domains that store attachment ids on their rows: every id must be a file of this zone the scope may read,
 * otherwise a 400 naming the field (so nobody links a file of another zone or enterprise by guessing its id).
 */
export async function assertFilesUsable(ex: Executor, scope: ZoneScope, ids: readonly string[], field: string) {
  for (const id of new Set(ids)) {
    if (!(await getFile(ex, scope, id))) throw invalid({ [field]: 'FILE_NOT_FOUND' });
  }
}
