import { EditOutlined } from '@ant-design/icons';
import type { Enterprise, EnterpriseInput, EnterpriseSelfInput } from '@shared/enterprises';
import { industryPath } from '@shared/industry-codes';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Badge,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../../shared/api';
import { formatDateTime, formatZoneDate } from '../../../shared/format';
import { useCan } from '../../../shared/session';
import { ENTERPRISES, useEnterprise, useTimeline } from '../api';
import { EnterpriseFormModal } from './EnterpriseFormModal';
import { SelfFormModal } from './SelfFormModal';

const STATUS_BADGE = {
  operating: 'success',
  suspended: 'warning',
  moved_out: 'default',
  deregistered: 'error',
} as const;
const ACTION_COLOR: Record<string, string> = {
  create: 'green',
  update: 'blue',
  self_update: 'cyan',
  delete: 'red',
  established: 'gray',
};
const num = (v: number | null, unit: string) =>
  v === null ? '—' : `${v.toLocaleString(undefined, { maximumFractionDigits: 2 })} ${unit}`;

/** One enterprise: registry card (Descriptions) and its timeline; edit for staff, self-edit for the enterprise. */
export function EnterpriseDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const canWrite = useCan('enterprises.write');
  const canSelf = useCan('enterprises.self');
  const enterprise = useEnterprise(id);
  const timeline = useTimeline(id);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<EnterpriseInput>();
  const [selfForm] = Form.useForm<EnterpriseSelfInput>();

  if (enterprise.isLoading) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (enterprise.isError || !enterprise.data) {
    const notFound = isApiError(enterprise.error) && enterprise.error.status === 404;
    return (
      <Card variant="borderless">
        <Empty description={notFound ? t('enterprises.notFound') : t('errors.loadFailed')} />
      </Card>
    );
  }
  const e: Enterprise = enterprise.data;
  const refresh = () => client.invalidateQueries({ queryKey: [ENTERPRISES] });
  const save = async (values: EnterpriseInput) => {
    await api.put(`${ENTERPRISES}/${id}`, values);
    await refresh();
  };
  const saveSelf = async (values: EnterpriseSelfInput) => {
    await api.put(`${ENTERPRISES}/${id}/self`, values);
    await refresh();
  };
  const industry = industryPath(e.industryCode)
    .map((x) => `${x.code} ${x.name}`)
    .join(' / ');

  return (
    <Flex vertical gap={16}>
      <Card
        variant="borderless"
        title={
          <Space>
            {e.name}
            <Badge status={STATUS_BADGE[e.status]} text={t(`enums.enterpriseStatus.${e.status}`)} />
          </Space>
        }
        extra={
          (canWrite || canSelf) && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {canWrite ? t('common.edit') : t('enterprises.selfEdit')}
            </Button>
          )
        }
      >
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label={t('enterprises.creditCode')}>
            <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
              {e.creditCode}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprises.scale')}>{t(`enums.enterpriseScale.${e.scale}`)}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.subPark')}>{e.subParkName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.industry')} span={{ xs: 1, sm: 2, lg: 3 }}>
            {industry || e.industryCode}
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprises.tags')} span={{ xs: 1, sm: 2, lg: 3 }}>
            {e.tags.length
              ? e.tags.map((tag) => (
                  <Tag key={tag} color="gold">
                    {t(`enums.enterpriseTag.${tag}`)}
                  </Tag>
                ))
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprises.landMu')}>{num(e.landMu, t('enterprises.mu'))}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.buildingM2')}>{num(e.buildingM2, 'm²')}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.establishedOn')}>{e.establishedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.legalRep')}>{e.legalRep || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.serviceOfficer')}>{e.serviceOfficerName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('common.updatedAt')}>
            {formatDateTime(e.updatedAt, i18n.language)}
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprises.contacts')} span={{ xs: 1, sm: 2, lg: 3 }}>
            {e.contacts.length ? (
              <Flex vertical gap={4}>
                {e.contacts.map((c) => (
                  <span key={`${c.name}-${c.phone}`}>
                    {c.name}
                    {c.role && <Typography.Text type="secondary">（{c.role}）</Typography.Text>} {c.phone}
                  </span>
                ))}
              </Flex>
            ) : (
              t('enterprises.noContacts')
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card variant="borderless" title={t('enterprises.timeline')}>
        {timeline.isError && <Alert type="error" showIcon title={t('errors.loadFailed')} />}
        {timeline.isLoading ? (
          <Spin />
        ) : (timeline.data ?? []).length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprises.noEvents')} />
        ) : (
          <Timeline
            items={(timeline.data ?? []).map((item) => ({
              key: item.id,
              color: ACTION_COLOR[item.action] ?? 'blue',
              content: (
                <Flex vertical gap={2}>
                  <Typography.Text strong>
                    {t(`enterprises.timelineActions.${item.action}`, { defaultValue: item.action })}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {item.action === 'established' ? formatZoneDate(item.at) : formatDateTime(item.at, i18n.language)}
                    {item.actorName ? ` · ${item.actorName}` : ''}
                  </Typography.Text>
                  {item.fields.length > 0 && (
                    <Typography.Text type="secondary">
                      {t('enterprises.changedFields', {
                        fields: item.fields
                          .map((f) => t(`enterprises.${f}`, { defaultValue: f }))
                          .join(t('enterprises.listSeparator')),
                      })}
                    </Typography.Text>
                  )}
                  {item.summary && <Typography.Text>{item.summary}</Typography.Text>}
                </Flex>
              ),
            }))}
          />
        )}
      </Card>

      {canWrite && editing && (
        <EnterpriseFormModal open={editing} editing={e} form={form} onClose={() => setEditing(false)} onSubmit={save} />
      )}
      {!canWrite && canSelf && editing && (
        <SelfFormModal
          open={editing}
          enterprise={e}
          form={selfForm}
          onClose={() => setEditing(false)}
          onSubmit={saveSelf}
        />
      )}
    </Flex>
  );
}
