import type { disclosureRowSchema } from '@shared/policies';
import { useQuery } from '@tanstack/react-query';
import { Card, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api } from '../../../shared/api';
import { useSession } from '../../../shared/session';
import { getZoneId } from '../../../shared/zone';
import { yuan } from '../api';

type Row = z.infer<typeof disclosureRowSchema>;

/**
 * 统一公开: the approved awards of the zone, as the public sees them (the same endpoint answers without login, so the
 * zone can link it from its website).
 */
export default function DisclosurePage() {
  const { t } = useTranslation();
  const session = useSession();
  const zoneId = session?.user.zoneId ?? getZoneId();
  const [q, setQ] = useState('');
  const rows = useQuery({
    queryKey: ['/api/public/policies', zoneId],
    queryFn: ({ signal }) => api.get<Row[]>(`/api/public/policies/${zoneId}/awards`, { signal }),
    enabled: Boolean(zoneId),
  });
  const data = (rows.data ?? []).filter((r) => !q || r.policyTitle.includes(q) || r.enterpriseName.includes(q));
  const total = data.reduce((s, r) => s + r.awardFen, 0);
  const paid = data.reduce((s, r) => s + r.paidFen, 0);
  return (
    <Card
      variant="borderless"
      title={t('policies.disclosure')}
      extra={<Input.Search allowClear placeholder={t('policies.search')} onSearch={setQ} style={{ width: 240 }} />}
    >
      <p>{t('policies.disclosureTotals', { count: data.length, award: yuan(total), paid: yuan(paid) })}</p>
      <Table<Row>
        size="small"
        rowKey={(r) => `${r.policyId}-${r.creditCode}`}
        loading={rows.isLoading}
        dataSource={data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'p', title: t('policies.titleLabel'), dataIndex: 'policyTitle' },
          { key: 'e', title: t('policies.enterprise'), dataIndex: 'enterpriseName' },
          { key: 'c', title: t('policies.creditCode'), dataIndex: 'creditCode' },
          {
            key: 'a',
            title: t('policies.award'),
            align: 'right',
            sorter: (a, b) => a.awardFen - b.awardFen,
            render: (_, r) => yuan(r.awardFen),
          },
          { key: 'pd', title: t('policies.paid'), align: 'right', render: (_, r) => yuan(r.paidFen) },
          {
            key: 'm',
            title: t('policies.modeLabel'),
            render: (_, r) =>
              r.autoGranted ? <Tag color="gold">{t('policies.mode.auto')}</Tag> : t('policies.mode.apply'),
          },
          {
            key: 'd',
            title: t('policies.decidedOn'),
            dataIndex: 'decidedOn',
            sorter: (a, b) => a.decidedOn.localeCompare(b.decidedOn),
          },
        ]}
      />
    </Card>
  );
}
