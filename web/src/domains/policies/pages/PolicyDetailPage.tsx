import type { PolicyApplication, PolicyCondition } from '@shared/policies';
import { App, Button, Card, Descriptions, Empty, Form, Input, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FileUpload } from '../../../shared/components/FileUpload';
import { PageLoading } from '../../../shared/components/PageLoading';
import { applyServerErrors } from '../../../shared/forms';
import { useCan, useSession } from '../../../shared/session';
import { POLICIES, useApplications, useMatches, usePolicy, usePolicyAction, yuan } from '../api';
import { ApplicationActions } from '../components/ApplicationActions';

function ConditionText({ c }: { c: PolicyCondition }) {
  const { t } = useTranslation();
  const value = Array.isArray(c.value)
    ? c.value.join('、')
    : c.field === 'scale'
      ? t(`enums.enterpriseScale.${c.value}`)
      : String(c.value);
  return (
    <Tag>
      {t(`policies.field.${c.field}`)} {t(`policies.op.${c.op}`)} {value}
    </Tag>
  );
}

/** One policy: what it grants and to whom; publish (staff), apply (an eligible enterprise), the applications. */
export default function PolicyDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id } = useParams();
  const policy = usePolicy(id);
  const isEnterprise = useSession()?.user.role === 'enterprise';
  const canWrite = useCan('policies.write');
  const canApply = useCan('policies.apply');
  const matches = useMatches(id, !isEnterprise);
  const applications = useApplications(id);
  const run = usePolicyAction();
  const [applying, setApplying] = useState(false);
  const [form] = Form.useForm();
  if (policy.isLoading) return <PageLoading />;
  const p = policy.data;
  if (!p) {
    return (
      <Card variant="borderless">
        <Empty description={t('policies.notFound')} />
      </Card>
    );
  }
  const apps = applications.data?.data ?? [];
  const mine = isEnterprise ? apps[0] : undefined;
  const apply = (v: { statement: string; fileIds?: string[] }) =>
    run.mutate(
      { url: `${POLICIES}/${p.id}/apply`, body: { statement: v.statement, fileIds: v.fileIds ?? [] } },
      {
        onSuccess: () => {
          message.success(t('policies.applied'));
          setApplying(false);
        },
        onError: (e) => {
          if (!applyServerErrors(form, e)) message.error((e as Error).message);
        },
      },
    );
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        variant="borderless"
        title={p.title}
        extra={
          <Space>
            {canWrite && p.status === 'draft' && (
              <Popconfirm
                title={t('policies.publishConfirm')}
                onConfirm={() => run.mutate({ url: `${POLICIES}/${p.id}/publish` })}
              >
                <Button type="primary" loading={run.isPending}>
                  {t('policies.publish')}
                </Button>
              </Popconfirm>
            )}
            {canApply && p.mode === 'apply' && p.status === 'published' && !mine && (
              <Button type="primary" onClick={() => setApplying(true)}>
                {t('policies.apply')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t('policies.issuer')}>{p.issuer || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('policies.modeLabel')}>{t(`policies.mode.${p.mode}`)}</Descriptions.Item>
          <Descriptions.Item label={t('policies.amount')}>{yuan(p.amountFen)}</Descriptions.Item>
          <Descriptions.Item label={t('policies.statusLabel')}>
            {t(`policies.status.${p.status}`)} {p.publishedOn ?? ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('policies.rules')} span={2}>
            {p.rules.all.length === 0
              ? t('policies.everyEnterprise')
              : p.rules.all.map((c) => <ConditionText key={JSON.stringify(c)} c={c} />)}
          </Descriptions.Item>
          <Descriptions.Item label={t('policies.summary')} span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{p.summary || '—'}</span>
          </Descriptions.Item>
          {mine && (
            <Descriptions.Item label={t('policies.myApplication')} span={2}>
              <Space wrap>
                <Tag color="blue">{t(`policies.appStatus.${mine.status}`)}</Tag>
                {mine.reviewNote && <span>{mine.reviewNote}</span>}
                {mine.awardFen !== null && `${t('policies.award')} ${yuan(mine.awardFen)}`}
                <ApplicationActions a={mine} />
              </Space>
              {mine.fileIds.length > 0 && <FileUpload value={mine.fileIds} disabled />}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {!isEnterprise && (
        <Card variant="borderless" title={t('policies.applications')}>
          <Table<PolicyApplication>
            size="small"
            rowKey="id"
            loading={applications.isLoading}
            dataSource={apps}
            pagination={apps.length > 20 ? { pageSize: 20 } : false}
            scroll={{ x: 'max-content' }}
            expandable={{
              expandedRowRender: (r) => (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{r.statement}</span>
                  {r.fileIds.length > 0 ? (
                    <FileUpload value={r.fileIds} disabled />
                  ) : (
                    <span>{t('policies.noAttachments')}</span>
                  )}
                </Space>
              ),
            }}
            columns={[
              {
                key: 'e',
                title: t('policies.enterprise'),
                render: (_, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link>,
              },
              {
                key: 's',
                title: t('policies.statusLabel'),
                render: (_, r) => (
                  <Space size={4}>
                    <Tag>{t(`policies.appStatus.${r.status}`)}</Tag>
                    {r.autoGranted && <Tag color="gold">{t('policies.mode.auto')}</Tag>}
                    {r.returnCount > 0 && <Tag>{t('policies.returned', { count: r.returnCount })}</Tag>}
                  </Space>
                ),
              },
              { key: 'st', title: t('policies.statement'), dataIndex: 'statement', ellipsis: true },
              {
                key: 'files',
                title: t('policies.attachments'),
                align: 'right',
                render: (_, r) => r.fileIds.length || '—',
              },
              { key: 'sub', title: t('policies.submittedOn'), dataIndex: 'submittedOn' },
              { key: 'award', title: t('policies.award'), align: 'right', render: (_, r) => yuan(r.awardFen) },
              { key: 'paid', title: t('policies.paid'), align: 'right', render: (_, r) => yuan(r.paidFen) },
              { key: 'act', title: '', render: (_, r) => <ApplicationActions a={r} /> },
            ]}
          />
        </Card>
      )}
      {!isEnterprise && p.status !== 'draft' && (
        <Card variant="borderless" title={t('policies.matchedTitle', { count: matches.data?.length ?? 0 })}>
          <Table
            size="small"
            rowKey="enterpriseId"
            loading={matches.isLoading}
            dataSource={matches.data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { key: 'n', title: t('policies.enterprise'), dataIndex: 'enterpriseName' },
              { key: 'c', title: t('policies.creditCode'), dataIndex: 'creditCode' },
              { key: 'o', title: t('policies.notifiedOn'), dataIndex: 'notifiedOn' },
            ]}
          />
        </Card>
      )}
      <Modal
        open={applying}
        title={t('policies.apply')}
        onCancel={() => setApplying(false)}
        onOk={() => form.submit()}
        confirmLoading={run.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={apply} preserve={false}>
          <Form.Item name="statement" label={t('policies.statement')} rules={[{ required: true, min: 4 }]}>
            <Input.TextArea rows={5} maxLength={4000} />
          </Form.Item>
          <Form.Item name="fileIds" label={t('policies.attachments')} extra={t('policies.attachmentsHint')}>
            <FileUpload max={20} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
