import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { ImportJobDetail } from '../../shared/imports';
import { awaitJob, type Client } from './harness';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** POST a file to /api/imports/:kind as the raw body. */
export function upload(
  c: Client,
  kind: string,
  body: Buffer | string,
  opts: { filename?: string; contentType?: string } = {},
): Promise<LightMyRequestResponse> {
  const filename = opts.filename ?? 'import.xlsx';
  return c.request({
    method: 'POST',
    url: `/api/imports/${kind}?filename=${encodeURIComponent(filename)}`,
    payload: body,
    headers: { 'content-type': opts.contentType ?? (filename.endsWith('.csv') ? 'text/csv' : XLSX) },
  });
}

/** Upload, wait for the background job, return the job as the API shows it. */
export async function importFile(
  c: Client,
  kind: string,
  body: Buffer | string,
  opts: { filename?: string; contentType?: string } = {},
): Promise<ImportJobDetail> {
  const res = await upload(c, kind, body, opts);
  if (res.statusCode !== 202) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  const id: string = res.json().id;
  await awaitJob(c.app, 'imports', id);
  return (await c.get(`/api/imports/jobs/${id}`)).json();
}

/** Rows of the first sheet of an .xlsx as arrays of cell values (1-based cells dropped to 0-based). */
export async function sheetRows(file: Buffer, sheet = 1): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const ws = wb.worksheets[sheet - 1]!;
  const out: unknown[][] = [];
  ws.eachRow((row) => {
    out.push((row.values as unknown[]).slice(1));
  });
  return out;
}

/** An .xlsx with a header row and rows, written with ExcelJS as a user's Excel would save it. */
export async function xlsxOf(header: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
