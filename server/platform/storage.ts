import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

/**
 * Where attachment bytes live. Metadata stays in the database (domains/files); the store only maps a key to bytes.
 * The disk store writes under one directory (FILES_DIR); app servers scaled out share it (NFS or a mounted volume).
 */
export interface FileStore {
  readonly kind: string;
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

export function diskStore(dir: string): FileStore {
  const root = resolve(dir);
  const pathOf = (key: string) => {
    const p = resolve(root, key);
    if (!p.startsWith(root + sep)) throw new Error(`storage key escapes the store: ${key}`);
    return p;
  };
  return {
    kind: 'disk',
    async put(key, bytes) {
      const target = pathOf(key);
      await mkdir(dirname(target), { recursive: true });
      // Write then rename, so a crash never leaves a half-written file under the final name.
      const tmp = `${target}.${randomUUID()}.part`;
      await writeFile(tmp, bytes);
      await rename(tmp, target);
    },
    get: (key) => readFile(pathOf(key)),
    remove: (key) => rm(pathOf(key), { force: true }),
  };
}

/** A store key: zone / year-month / random id (never derived from the user's file name). */
export function newStorageKey(zoneId: string, at = new Date()): string {
  const ym = at.toISOString().slice(0, 7);
  return join(zoneId, ym, randomUUID()).split(sep).join('/');
}
