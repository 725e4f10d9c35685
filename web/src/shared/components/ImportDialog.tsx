import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { IMPORT_CONTENT_TYPES, type ImportIssue, type ImportJob, type ImportJobDetail } from '@shared/imports';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Modal, Progress, Table, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiHeaders, downloadFile, errorOf } from '../api';

export interface ImportDialogProps {
  /** Import kind registered on the server (e.g. 'staff', 'enterprises'): /api/imports/<kind>. */
  kind: string;
  /** What is imported, e.g. 企业 / Enterprises (dialog title and button). */
  title: string;
  /** Called once when an import succeeded (e.g. refresh the list). */
  onDone?: () => void;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const RUNNING = new Set(['queued', 'running']);

function contentTypeOf(file: File): string {
  if ((IMPORT_CONTENT_TYPES as readonly string[]).includes(file.type)) return file.type;
  return file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : XLSX_TYPE;
}

/**
 * 导入 button + dialog: template download, file upload (raw body, as the imports API takes it), then the job is
 * polled every second: progress, and either the problems found (nothing imported; error report to download) or
 * the number of rows imported.
 */
export function ImportDialog({ kind, title, onDone }: ImportDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const done = useRef<string | null>(null);

  const job = useQuery({
    queryKey: ['/api/imports/jobs', jobId],
    queryFn: ({ signal }) => api.get<ImportJobDetail>(`/api/imports/jobs/${jobId}`, { signal }),
    enabled: jobId !== null,
    refetchInterval: (q) => (!q.state.data || RUNNING.has(q.state.data.status) ? 1000 : false),
  });
  const data = jobId && job.data?.id === jobId ? job.data : undefined;

  useEffect(() => {
    if (data?.status === 'succeeded' && done.current !== data.id) {
      done.current = data.id;
      onDone?.();
    }
  }, [data, onDone]);

  const run = async (action: () => Promise<void>) => {
    try {
      await action();
    } catch (e) {
      message.error(e instanceof Error ? e.message : t('errors.unknown'));
    }
  };

  const upload = (file: File) =>
    run(async () => {
      setUploading(true);
      try {
        const res = await fetch(`/api/imports/${kind}?filename=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          headers: { ...apiHeaders('POST'), 'Content-Type': contentTypeOf(file) },
          body: file,
          credentials: 'same-origin',
        });
        if (!res.ok) throw await errorOf(res);
        setJobId(((await res.json()) as ImportJob).id);
      } finally {
        setUploading(false);
      }
    });

  const close = () => {
    setOpen(false);
    setJobId(null);
  };

  const running = uploading || (jobId !== null && (!data || RUNNING.has(data.status)));
  const total = data?.totalRows ?? null;
  const processed = data?.processedRows ?? 0;
  const percent = data?.status === 'succeeded' ? 100 : total ? Math.floor((processed / total) * 100) : 0;

  const errorColumns = [
    { key: 'row', dataIndex: 'row', title: t('excel.row'), width: 80, render: (v: number | null) => v ?? '—' },
    { key: 'column', dataIndex: 'column', title: t('excel.column'), width: 160 },
    { key: 'message', dataIndex: 'message', title: t('excel.problem') },
  ];

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        {t('excel.import')}
      </Button>
      <Modal
        open={open}
        title={t('excel.importTitle', { title })}
        onCancel={close}
        footer={<Button onClick={close}>{t('common.close')}</Button>}
        width={720}
        destroyOnHidden
      >
        <Flex vertical gap={16}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('excel.hint')}
          </Typography.Paragraph>
          <Flex gap={8} wrap>
            <Button
              type="link"
              icon={<DownloadOutlined />}
              onClick={() => run(() => downloadFile(`/api/imports/${kind}/template`, undefined, `${kind}.xlsx`))}
            >
              {t('excel.downloadTemplate')}
            </Button>
            <Upload
              accept=".xlsx,.csv"
              showUploadList={false}
              disabled={running}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button type="primary" icon={<UploadOutlined />} loading={running} disabled={running}>
                {t('excel.chooseFile')}
              </Button>
            </Upload>
          </Flex>
          {data && (
            <div>
              <Typography.Text>
                {t(`excel.status.${data.status}`)} · {t('excel.processed', { processed, total: total ?? '?' })}
              </Typography.Text>
              <Progress
                percent={percent}
                status={
                  data.status === 'succeeded'
                    ? 'success'
                    : data.status === 'failed' || data.status === 'failed_validation'
                      ? 'exception'
                      : 'active'
                }
                format={() => `${processed}/${total ?? '?'}`}
              />
            </div>
          )}
          {data?.status === 'succeeded' && (
            <Alert type="success" showIcon title={t('excel.succeeded', { count: data.summary?.inserted ?? 0 })} />
          )}
          {data?.status === 'failed' && <Alert type="error" showIcon title={t('excel.jobFailed')} />}
          {data?.status === 'failed_validation' && (
            <>
              <Alert
                type="error"
                showIcon
                title={t('excel.failedValidation', { count: data.errorCount })}
                description={
                  data.errorCount > data.errors.length
                    ? t('excel.firstErrors', { count: data.errors.length })
                    : undefined
                }
                action={
                  <Button
                    size="small"
                    danger
                    icon={<DownloadOutlined />}
                    onClick={() =>
                      run(() => downloadFile(`/api/imports/jobs/${data.id}/errors.xlsx`, undefined, 'errors.xlsx'))
                    }
                  >
                    {t('excel.downloadErrors')}
                  </Button>
                }
              />
              <Table<ImportIssue & { key: number }>
                size="small"
                rowKey="key"
                columns={errorColumns}
                dataSource={data.errors.map((e, key) => ({ ...e, key }))}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                aria-label={t('excel.errorsTable')}
              />
            </>
          )}
        </Flex>
      </Modal>
    </>
  );
}
