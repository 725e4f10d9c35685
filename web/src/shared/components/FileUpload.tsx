import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { FILE_MAX_MB, FILE_TYPES, type FileMeta, isImage } from '@shared/files';
import { useQueries } from '@tanstack/react-query';
import { App, Button, Image, Space, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiHeaders, downloadFile, errorOf } from '../api';

export interface FileUploadProps {
  /** Attachment ids (what domain rows store); controlled, so it works inside a Form.Item. */
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** Staff attaching on an enterprise's behalf (the enterprise will see the file). */
  enterpriseId?: string;
  /** Only photos (camera on a phone) instead of any accepted document. */
  imagesOnly?: boolean;
  max?: number;
  /** Read-only: list the attachments with previews and downloads. */
  disabled?: boolean;
}

const ACCEPT_ALL = Object.keys(FILE_TYPES)
  .map((e) => `.${e}`)
  .join(',');
const ACCEPT_IMAGES = '.jpg,.jpeg,.png,.webp';

/** Fetches an attachment with the API headers (zone, language) and returns an object URL for <img>. */
async function objectUrl(id: string): Promise<string> {
  const res = await fetch(`/api/files/${id}`, { headers: apiHeaders('GET'), credentials: 'same-origin' });
  if (!res.ok) throw await errorOf(res);
  return URL.createObjectURL(await res.blob());
}

function Thumb({ meta }: { meta: FileMeta }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let url: string | undefined;
    let live = true;
    objectUrl(meta.id)
      .then((u) => {
        url = u;
        if (live) setSrc(u);
      })
      .catch(() => undefined);
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [meta.id]);
  return <Image width={72} height={72} style={{ objectFit: 'cover', borderRadius: 6 }} src={src} alt={meta.name} />;
}

/**
 * Attachments of a record: upload (raw body to /api/files, type and size checked before sending and again on the
 * server), thumbnails for photos, downloads for documents. Used by visits, evidence, case materials, projects.
 */
export function FileUpload({ value = [], onChange, enterpriseId, imagesOnly, max = 20, disabled }: FileUploadProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(0);
  const metas = useQueries({
    queries: value.map((id) => ({
      queryKey: ['/api/files', id, 'meta'],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<FileMeta>(`/api/files/${id}/meta`, { signal }),
      staleTime: Number.POSITIVE_INFINITY,
    })),
  });

  const send = async (file: File) => {
    if (file.size > FILE_MAX_MB * 1024 * 1024) {
      message.error(t('files.tooLarge', { maxMb: FILE_MAX_MB }));
      return;
    }
    setUploading((n) => n + 1);
    try {
      const query = new URLSearchParams({ filename: file.name, ...(enterpriseId ? { enterpriseId } : {}) });
      const res = await fetch(`/api/files?${query}`, {
        method: 'POST',
        headers: { ...apiHeaders('POST'), 'Content-Type': file.type || 'application/octet-stream' },
        credentials: 'same-origin',
        body: file,
      });
      if (!res.ok) throw await errorOf(res);
      const meta = (await res.json()) as FileMeta;
      onChange?.([...value, meta.id]);
    } catch (e) {
      message.error(e instanceof Error ? e.message : t('errors.unknown'));
    } finally {
      setUploading((n) => n - 1);
    }
  };

  const remove = (id: string) => onChange?.(value.filter((v) => v !== id));
  const loaded = metas.map((q) => q.data).filter((m): m is FileMeta => Boolean(m));
  const photos = loaded.filter((m) => isImage(m.mime));
  const docs = loaded.filter((m) => !isImage(m.mime));

  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      {photos.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap>
            {photos.map((m) => (
              <Space key={m.id} direction="vertical" size={2} align="center">
                <Thumb meta={m} />
                {!disabled && (
                  <Typography.Link type="danger" onClick={() => remove(m.id)}>
                    {t('files.remove')}
                  </Typography.Link>
                )}
              </Space>
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {docs.map((m) => (
        <Space key={m.id}>
          <PaperClipOutlined />
          <Typography.Link onClick={() => downloadFile(`/api/files/${m.id}`, undefined, m.name)}>
            {m.name}
          </Typography.Link>
          <Typography.Text type="secondary">{(m.size / 1024).toFixed(0)} KB</Typography.Text>
          {!disabled && (
            <Typography.Link type="danger" onClick={() => remove(m.id)}>
              {t('files.remove')}
            </Typography.Link>
          )}
        </Space>
      ))}
      {disabled && value.length === 0 && <Typography.Text type="secondary">{t('files.none')}</Typography.Text>}
      {!disabled && value.length < max && (
        <Upload
          accept={imagesOnly ? ACCEPT_IMAGES : ACCEPT_ALL}
          multiple
          showUploadList={false}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={uploading > 0}>
            {imagesOnly ? t('files.addPhoto') : t('files.add')}
          </Button>
        </Upload>
      )}
      {!disabled && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('files.hint', { maxMb: FILE_MAX_MB })}
        </Typography.Text>
      )}
    </Space>
  );
}
