import { describe, expect, it } from 'vitest';
import { diffJson, flatten } from './jsonDiff';

describe('jsonDiff', () => {
  it('flattens nested objects and arrays into dotted paths', () => {
    expect([...flatten({ a: 1, b: { c: 'x' }, items: [{ name: 'n' }] }).entries()]).toEqual([
      ['a', '1'],
      ['b.c', '"x"'],
      ['items.0.name', '"n"'],
    ]);
  });

  it('classifies added, removed, changed and unchanged fields', () => {
    const rows = diffJson({ name: 'A', code: 'X', old: true }, { name: 'B', code: 'X', fresh: 1 });
    expect(Object.fromEntries(rows.map((r) => [r.path, r.kind]))).toEqual({
      name: 'changed',
      code: 'same',
      old: 'removed',
      fresh: 'added',
    });
  });

  it('treats a missing snapshot as empty', () => {
    expect(diffJson(null, { a: 1 })).toEqual([{ path: 'a', before: undefined, after: '1', kind: 'added' }]);
  });
});
