import type { AnyImportKind, ImportKind } from '../../platform/excel/kind';
import type { ParamAccess } from '../../platform/http/types';

/** Import kinds registered by domains (org registers 'staff'); looked up per request and per job. */
const kinds = new Map<string, AnyImportKind>();

/**
 * Make a register importable: /api/imports/<kind>/template, uploads and jobs. Call it when the domain's routes
 * register; registering the same kind again replaces it (each test app registers its domains afresh).
 */
export function registerImportKind<Row, Out, Ctx>(kind: ImportKind<Row, Out, Ctx>): void {
  if (!/^[a-z][a-z0-9-]{1,39}$/.test(kind.kind) || kind.kind === 'jobs') {
    throw new Error(`import kind "${kind.kind}" must be lower-case letters, digits or dashes, and not "jobs"`);
  }
  kinds.set(kind.kind, kind as unknown as AnyImportKind);
}

export function getImportKind(kind: string): AnyImportKind | undefined {
  return kinds.get(kind);
}

export function importKinds(): AnyImportKind[] {
  return [...kinds.values()];
}

/** Routes with a :kind parameter need the permission of that kind (an unknown kind is a 404). */
export const kindAccess: ParamAccess = {
  param: 'kind',
  permissionOf: (value) => kinds.get(value)?.permission,
  sample: () => kinds.keys().next().value,
};
