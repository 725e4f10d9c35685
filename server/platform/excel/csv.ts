const CHUNK = 1 << 20;

/**
 * Text of a CSV file, chunk by chunk. A BOM decides (UTF-8, UTF-16 LE/BE); without one the bytes are checked as
 * UTF-8 and, if they are not valid UTF-8, read as GB18030 (a superset of GBK/GB2312: what Excel on a Chinese
 * Windows writes for "CSV (逗号分隔)").
 */
export function* decodeText(bytes: Uint8Array): Generator<string> {
  let encoding = 'utf-8';
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, start] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, start] = ['utf-16be', 2];
  else if (!isUtf8(bytes)) encoding = 'gb18030';
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  for (let i = start; i < bytes.length; i += CHUNK) {
    const text = decoder.decode(bytes.subarray(i, Math.min(i + CHUNK, bytes.length)), { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

function isUtf8(bytes: Uint8Array): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let i = 0; i < bytes.length; i += CHUNK) {
      decoder.decode(bytes.subarray(i, Math.min(i + CHUNK, bytes.length)), { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/** Comma unless the first line has more semicolons or tabs (European Excel, "Unicode text" exports). */
function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length).replace(/"[^"]*"/g, '');
  const count = (c: string) => firstLine.split(c).length - 1;
  const best = [',', ';', '\t'].sort((a, b) => count(b) - count(a))[0]!;
  return count(best) > 0 ? best : ',';
}

const QUOTED = 1;
const QUOTE_SEEN = 2;
const UNQUOTED = 0;

/**
 * RFC 4180 parser fed chunk by chunk: quoted fields may hold delimiters, doubled quotes and line breaks
 * (CRLF, LF or CR ends a record). Leniency where Excel is lenient: a quote inside an unquoted field is literal.
 */
export class CsvParser {
  #delimiter: string | undefined;
  #state = UNQUOTED;
  #field = '';
  #fieldStarted = false;
  #record: string[] = [];
  #pendingCR = false;
  #records: string[][] = [];

  /** Feed text; returns the records completed by it. */
  push(chunk: string): string[][] {
    this.#delimiter ??= sniffDelimiter(chunk);
    const d = this.#delimiter;
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (this.#state === QUOTED) {
        const q = chunk.indexOf('"', i);
        if (q < 0) {
          this.#field += chunk.slice(i);
          break;
        }
        this.#field += chunk.slice(i, q);
        i = q + 1;
        this.#state = QUOTE_SEEN;
        continue;
      }
      const c = chunk[i]!;
      if (this.#state === QUOTE_SEEN) {
        this.#state = UNQUOTED;
        if (c === '"') {
          this.#field += '"';
          this.#state = QUOTED;
          i++;
          continue;
        }
      }
      if (this.#pendingCR) {
        this.#pendingCR = false;
        if (c === '\n') {
          i++;
          continue;
        }
      }
      if (c === d) {
        this.#endField();
        i++;
      } else if (c === '\n' || c === '\r') {
        this.#endField();
        this.#endRecord();
        this.#pendingCR = c === '\r';
        i++;
      } else if (c === '"' && !this.#fieldStarted) {
        this.#state = QUOTED;
        this.#fieldStarted = true;
        i++;
      } else {
        let j = i + 1;
        while (j < n) {
          const x = chunk[j];
          if (x === d || x === '\n' || x === '\r') break;
          j++;
        }
        this.#field += chunk.slice(i, j);
        this.#fieldStarted = true;
        i = j;
      }
    }
    return this.#take();
  }

  /** The last record when the file does not end with a line break. */
  end(): string[][] {
    if (this.#fieldStarted || this.#record.length > 0) {
      this.#endField();
      this.#endRecord();
    }
    return this.#take();
  }

  #endField(): void {
    this.#record.push(this.#field);
    this.#field = '';
    this.#fieldStarted = false;
  }

  #endRecord(): void {
    this.#records.push(this.#record);
    this.#record = [];
  }

  #take(): string[][] {
    const out = this.#records;
    this.#records = [];
    return out;
  }
}

/** Records of a CSV file with their 1-based record numbers (the row numbers Excel shows when opening it). */
export function* readCsv(bytes: Uint8Array): Generator<{ row: number; cells: string[] }> {
  const parser = new CsvParser();
  let row = 0;
  for (const text of decodeText(bytes)) {
    for (const cells of parser.push(text)) yield { row: ++row, cells };
  }
  for (const cells of parser.end()) yield { row: ++row, cells };
}
