import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditVerifyResult } from '@shared/audit';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Modal, Result, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';

/** Calls GET /api/audit/verify and shows a success Result or the problems found. */
export function VerifyChainButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const verify = useMutation({ mutationFn: () => api.get<AuditVerifyResult>('/api/audit/verify') });
  const result = verify.data;

  const run = () => {
    setOpen(true);
    verify.mutate();
  };

  return (
    <>
      <Button icon={<SafetyCertificateOutlined />} onClick={run} loading={verify.isPending}>
        {t('audit.verify')}
      </Button>
      <Modal
        open={open}
        title={t('audit.verifyTitle')}
        onCancel={() => setOpen(false)}
        footer={<Button onClick={() => setOpen(false)}>{t('common.close')}</Button>}
        width={720}
      >
        {verify.isPending && <Result status="info" title={t('audit.verifying')} />}
        {verify.isError && <Alert type="error" showIcon title={verify.error.message} />}
        {result?.ok && (
          <Result
            status="success"
            title={t('audit.verifyOk')}
            subTitle={t('audit.verifyStats', { chains: result.chains, events: result.events })}
          />
        )}
        {result && !result.ok && (
          <>
            <Result
              status="error"
              title={t('audit.verifyFailed', { count: result.problems.length })}
              subTitle={t('audit.verifyStats', { chains: result.chains, events: result.events })}
            />
            <Table
              size="small"
              rowKey={(p) => `${p.chain}:${p.seq ?? '-'}:${p.kind}`}
              pagination={false}
              dataSource={result.problems}
              scroll={{ x: 'max-content' }}
              columns={[
                {
                  key: 'kind',
                  title: t('audit.problemKind'),
                  render: (_, p) => <Tag color="red">{t(`enums.auditProblem.${p.kind}`)}</Tag>,
                },
                {
                  key: 'chain',
                  title: t('audit.chain'),
                  render: (_, p) => <Typography.Text code>{p.chain}</Typography.Text>,
                },
                { key: 'seq', title: t('audit.seq'), render: (_, p) => p.seq ?? '—' },
                { key: 'message', title: t('audit.problemMessage'), dataIndex: 'message' },
              ]}
            />
          </>
        )}
      </Modal>
    </>
  );
}
