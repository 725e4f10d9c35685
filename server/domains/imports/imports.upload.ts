import { IMPORT_MAX_MB } from '../../../shared/imports';
import { AppError } from '../../platform/errors';
import { sniffFormat } from '../../platform/excel/reader';
import type { UploadedFile } from './imports.service';

export const MAX_BYTES = IMPORT_MAX_MB * 1024 * 1024;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPES = new Set(['text/csv', 'application/csv']);

/**
 * The uploaded body must be an .xlsx (a zip) or a .csv (text): checked by the file name's extension, the content
 * type and the first bytes, so a renamed .xls, an image or a zip of something else is refused up front with a
 * clear code instead of failing later in the job.
 */
export function checkUpload(
  body: unknown,
  contentType: string | undefined,
  filename: string | undefined,
): UploadedFile {
  if (body === undefined || body === null) throw new AppError(400, 'IMPORT_FILE_MISSING');
  if (!Buffer.isBuffer(body)) throw new AppError(415, 'IMPORT_FILE_TYPE');
  if (body.length === 0) throw new AppError(400, 'IMPORT_FILE_EMPTY');
  const mime = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const name = (filename ?? '').trim();
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  const format: 'xlsx' | 'csv' | undefined =
    ext === 'xlsx' || ext === 'csv'
      ? ext
      : ext
        ? undefined
        : mime === XLSX_TYPE
          ? 'xlsx'
          : CSV_TYPES.has(mime)
            ? 'csv'
            : undefined;
  const magic = sniffFormat(body);
  if (magic === 'ole2' || ext === 'xls') throw new AppError(415, 'IMPORT_XLS_UNSUPPORTED');
  if (!format) throw new AppError(415, 'IMPORT_FILE_TYPE');
  if (format === 'xlsx' ? magic !== 'zip' : magic !== 'text') throw new AppError(415, 'IMPORT_FILE_MISMATCH');
  if ((format === 'xlsx' && CSV_TYPES.has(mime)) || (format === 'csv' && mime === XLSX_TYPE)) {
    throw new AppError(415, 'IMPORT_FILE_MISMATCH');
  }
  return { bytes: body, fileName: name || `upload.${format}`, format };
}
