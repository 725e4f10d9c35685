import { PlusOutlined } from '@ant-design/icons';
import { type Policy, policyStatuses } from '@shared/policies';
import { Button, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ListColumn, ListTable } from '../../../shared/components/ListTable';
import { useEnumOptions } from '../../../shared/format';
import { useCan, useSession } from '../../../shared/session';
import { POLICIES, yuan } from '../api';
import { PolicyFormModal } from '../components/PolicyFormModal';

const statusColor = { draft: 'default', published: 'green', closed: 'red' } as const;

/** 惠企政策: staff see every policy of the zone; an enterprise the published policies it is eligible for. */
export default function PoliciesPage() {
  const { t } = useTranslation();
  const canWrite = useCan('policies.write');
  const isEnterprise = useSession()?.user.role === 'enterprise';
  const [creating, setCreating] = useState(false);
  const statuses = useEnumOptions(policyStatuses, 'policies.status');
  const columns: ListColumn<Policy>[] = [
    {
      key: 'title',
      title: t('policies.titleLabel'),
      alwaysVisible: true,
      sortable: true,
      render: (_, r) => <Link to={`/policies/${r.id}`}>{r.title}</Link>,
    },
    { key: 'issuer', title: t('policies.issuer') },
    {
      key: 'mode',
      title: t('policies.modeLabel'),
      render: (_, r) => <Tag color={r.mode === 'auto' ? 'gold' : 'blue'}>{t(`policies.mode.${r.mode}`)}</Tag>,
    },
    { key: 'amountFen', title: t('policies.amount'), align: 'right', render: (_, r) => yuan(r.amountFen) },
    {
      key: 'status',
      title: t('policies.statusLabel'),
      render: (_, r) => <Tag color={statusColor[r.status]}>{t(`policies.status.${r.status}`)}</Tag>,
    },
    { key: 'publishedOn', title: t('policies.publishedOn'), sortable: true, render: (_, r) => r.publishedOn ?? '—' },
    ...(isEnterprise
      ? []
      : [{ key: 'matchedCount', title: t('policies.matched'), align: 'right' as const, dataIndex: 'matchedCount' }]),
  ];
  return (
    <>
      <ListTable<Policy>
        tableId="policies.list"
        endpoint={POLICIES}
        title={t('policies.menu')}
        rowKey={(r) => r.id}
        columns={columns}
        searchPlaceholder={t('policies.search')}
        filters={
          isEnterprise ? [] : [{ name: 'status', label: t('policies.statusLabel'), options: statuses, width: 120 }]
        }
        toolbar={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('policies.new')}
            </Button>
          )
        }
      />
      {canWrite && <PolicyFormModal open={creating} onClose={() => setCreating(false)} />}
    </>
  );
}
