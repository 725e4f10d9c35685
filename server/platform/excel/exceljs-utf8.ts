import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * Workaround for an ExcelJS 4.4 bug in the streaming WorkbookReader: it decodes every inflated chunk of an XML part
 * on its own (TextDecoder.decode without `stream: true`, utils/parse-sax.js), so a Chinese character whose three
 * UTF-8 bytes straddle a chunk boundary turns into U+FFFD — on a 100,000-row sheet a handful of cells come back
 * garbled (e.g. 部��名称) and fail validation for no visible reason. The fix re-chunks each part's bytes so chunks
 * end on character boundaries before ExcelJS decodes them. It wraps the reader's own part parsers (prototype
 * methods), so it works whatever the module load order; reader.test/excel.test cover it with a sheet large enough
 * to hit the boundaries.
 */

/** Length of the prefix of `buf` that ends with a complete UTF-8 character. */
export function utf8CompleteLength(buf: Uint8Array): number {
  let i = buf.length - 1;
  let continuation = 0;
  while (i >= 0 && continuation < 3 && (buf[i]! & 0xc0) === 0x80) {
    i--;
    continuation++;
  }
  if (i < 0) return buf.length;
  const lead = buf[i]!;
  const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return continuation + 1 >= size ? buf.length : i;
}

/** The same bytes, in chunks that never split a character. Lazy: nothing is read until the first chunk is asked for. */
export async function* utf8Chunks(source: AsyncIterable<Buffer | Uint8Array | string>): AsyncGenerator<Buffer> {
  let carry: Buffer | undefined;
  for await (const piece of source) {
    const chunk =
      typeof piece === 'string' ? Buffer.from(piece) : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    const buf = carry ? Buffer.concat([carry, chunk]) : chunk;
    const end = utf8CompleteLength(buf);
    carry = end < buf.length ? Buffer.from(buf.subarray(end)) : undefined;
    if (end > 0) yield buf.subarray(0, end);
  }
  if (carry) yield carry;
}

type Method = (this: unknown, ...args: unknown[]) => unknown;

let applied = false;

/** Idempotent; called by the reader before it opens a workbook. */
export function fixExcelJsUtf8(): void {
  if (applied) return;
  applied = true;
  const proto = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as Record<string, Method>;
  const wrap = (name: string, arg: (value: unknown) => unknown) => {
    const original = proto[name];
    if (typeof original !== 'function') {
      throw new Error(
        `exceljs changed: WorkbookReader.${name} is missing; review server/platform/excel/exceljs-utf8.ts`,
      );
    }
    proto[name] = function (this: unknown, first: unknown, ...rest: unknown[]) {
      return original.call(this, arg(first), ...rest);
    };
  };
  // Parts handed over as zip entry streams: workbook (sheet names), shared strings (most text), styles (formats).
  const entry = (stream: unknown) => Readable.from(utf8Chunks(stream as AsyncIterable<Buffer>));
  for (const name of ['_parseWorkbook', '_parseSharedStrings', '_parseStyles']) wrap(name, entry);
  // Parts handed over as byte iterators: worksheets (inline strings) and their hyperlinks.
  const iterator = (it: unknown) => utf8Chunks(it as AsyncIterable<Buffer>);
  for (const name of ['_parseWorksheet', '_parseHyperlinks']) wrap(name, iterator);
}
