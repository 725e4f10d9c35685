import { z } from 'zod';

/** Attachments (photos, evidence, application materials) shared by every domain. */
export const FILE_MAX_MB = 20;

/** Accepted types: what people actually attach (photos, scans, office documents). Checked by extension and magic bytes. */
export const FILE_TYPES = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  txt: 'text/plain',
} as const;
export type FileExtension = keyof typeof FILE_TYPES;
export const FILE_CONTENT_TYPES = [...new Set(Object.values(FILE_TYPES)), 'application/octet-stream'] as const;

export const fileUploadQuerySchema = z.object({
  filename: z.string().trim().min(1).max(200),
  /** Staff attaching a file on behalf of an enterprise (an enterprise user's own id is applied automatically). */
  enterpriseId: z.uuid().optional(),
});

export const fileSchema = z.object({
  id: z.uuid(),
  zoneId: z.uuid(),
  enterpriseId: z.uuid().nullable(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.uuid().nullable(),
  createdAt: z.string(),
});
export type FileMeta = z.infer<typeof fileSchema>;

/** A list of attachment ids as stored by domain rows (at most 20 per field). */
export const fileIdsSchema = z.array(z.uuid()).max(20);

export function isImage(mime: string): boolean {
  return mime.startsWith('image/');
}
