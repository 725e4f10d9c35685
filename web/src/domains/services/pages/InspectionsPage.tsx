import { QrcodeOutlined, ScanOutlined } from '@ant-design/icons';
import { type Inspection, inspectionKinds } from '@shared/inspections';
import { Button, Card, Empty, List, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { type ListColumn, ListTable } from '../../../shared/components/ListTable';
import { useEnumOptions } from '../../../shared/format';
import { useCan, useSession } from '../../../shared/session';
import { INSPECTIONS, useEnterpriseSearch, useJointSuggestions } from '../api';
import { InspectionFormModal } from '../components/InspectionFormModal';

/**
 * 涉企检查 (一码护商): departments register inspections by the enterprise code; the enterprise sees every inspection
 * of itself; flagged ones (too frequent, over a department's yearly limit) stand out; joint inspections are suggested.
 */
export default function InspectionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const scannedCode = params.get('code') ?? undefined;
  const canWrite = useCan('inspections.write');
  const canPlan = useCan('inspections.plan');
  const [creating, setCreating] = useState(Boolean(scannedCode));
  const [q, setQ] = useState('');
  const enterprises = useEnterpriseSearch(q, canWrite);
  const joint = useJointSuggestions(canPlan);
  const kinds = useEnumOptions(inspectionKinds, 'services.inspection.kind');
  const isEnterprise = session?.user.role === 'enterprise';

  const columns: ListColumn<Inspection>[] = [
    { key: 'inspectedOn', title: t('services.inspection.inspectedOn'), sortable: true, alwaysVisible: true },
    {
      key: 'enterpriseName',
      title: t('services.enterprise'),
      render: (_, r) =>
        isEnterprise ? r.enterpriseName : <Link to={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link>,
    },
    {
      key: 'departmentName',
      title: t('services.inspection.department'),
      render: (_, r) => [r.departmentName, ...r.jointDepartmentNames].join('、'),
    },
    {
      key: 'kind',
      title: t('services.inspection.kindLabel'),
      render: (_, r) => t(`services.inspection.kind.${r.kind}`),
    },
    { key: 'purpose', title: t('services.inspection.purpose'), ellipsis: true },
    { key: 'inspectors', title: t('services.inspection.inspectors'), defaultHidden: true },
    {
      key: 'result',
      title: t('services.inspection.resultLabel'),
      render: (_, r) => t(`services.inspection.result.${r.result}`),
    },
    {
      key: 'flags',
      title: t('services.inspection.flags'),
      render: (_, r) =>
        r.flags.length === 0
          ? '—'
          : r.flags.map((f) => (
              <Tag key={f} color="orange">
                {t(`services.inspection.flag.${f}`)}
              </Tag>
            )),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <ListTable<Inspection>
        tableId="services.inspections"
        endpoint={INSPECTIONS}
        title={t('services.inspection.menu')}
        rowKey={(r) => r.id}
        columns={columns}
        searchPlaceholder={t('services.inspection.search')}
        defaultSort={{ field: 'inspectedOn', order: 'descend' }}
        filters={[
          {
            name: 'flagged',
            label: t('services.inspection.flags'),
            options: [
              { value: 'yes', label: t('services.inspection.flagged') },
              { value: 'no', label: t('services.inspection.unflagged') },
            ],
            width: 120,
          },
          { name: 'kind', label: t('services.inspection.kindLabel'), options: kinds, width: 120 },
          { name: 'from', label: t('services.inspection.inspectedOn'), type: 'dateRange', names: ['from', 'to'] },
        ]}
        toolbar={
          <Space wrap>
            {isEnterprise && session?.user.enterpriseId && (
              <Button
                icon={<QrcodeOutlined />}
                onClick={() => navigate(`/services/enterprise-code/${session.user.enterpriseId}`)}
              >
                {t('services.inspection.myCode')}
              </Button>
            )}
            {canWrite && (
              <Select
                showSearch
                filterOption={false}
                onSearch={setQ}
                options={enterprises.options}
                loading={enterprises.loading}
                placeholder={t('services.inspection.codeOf')}
                style={{ width: 220 }}
                value={null}
                onChange={(id: string) => navigate(`/services/enterprise-code/${id}`)}
                suffixIcon={<QrcodeOutlined />}
              />
            )}
            {canWrite && (
              <Button type="primary" icon={<ScanOutlined />} onClick={() => setCreating(true)}>
                {t('services.inspection.new')}
              </Button>
            )}
          </Space>
        }
      />
      {canPlan && (
        <Card variant="borderless" title={t('services.inspection.jointTitle')} loading={joint.isLoading}>
          {(joint.data ?? []).length === 0 ? (
            <Empty description={t('services.inspection.noJoint')} />
          ) : (
            <List
              dataSource={joint.data}
              renderItem={(s) => (
                <List.Item>
                  <Space wrap>
                    <Link to={`/enterprises/${s.enterpriseId}`}>{s.enterpriseName}</Link>
                    {s.departments.map((d) => (
                      <Tag key={d.departmentId}>
                        {d.departmentName} {d.lastOn}
                      </Tag>
                    ))}
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
      {canWrite && (
        <InspectionFormModal
          open={creating}
          code={scannedCode}
          onClose={() => {
            setCreating(false);
            if (scannedCode) setParams({}, { replace: true });
          }}
        />
      )}
    </Space>
  );
}
