import { priorities, type TargetCompany, type TargetCompanyInput, targetStatuses } from '@shared/investment-library';
import { useQueryClient } from '@tanstack/react-query';
import { Checkbox, Col, Form, Input, Row, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { CreateButton } from '../../../shared/components/CreateButton';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { ExportButton } from '../../../shared/components/ExportButton';
import { ImportDialog } from '../../../shared/components/ImportDialog';
import { type ListColumn, ListTable } from '../../../shared/components/ListTable';
import { RowActions } from '../../../shared/components/RowActions';
import { useEnumOptions } from '../../../shared/format';
import { useEntityCrud } from '../../../shared/hooks/useEntityCrud';
import { useCan } from '../../../shared/session';
import { CHAINS, TARGETS, useChainMap, useChains } from '../library-api';

const PRIORITY_COLOR = { A: 'red', B: 'orange', C: 'default' } as const;

/** 招商目标库: companies to attract, placed on a chain link; Excel import (all or nothing) and export. */
export default function TargetsPage() {
  const { t } = useTranslation();
  const canWrite = useCan('investment.write');
  const client = useQueryClient();
  const crud = useEntityCrud<TargetCompany, TargetCompanyInput>(TARGETS, [CHAINS]);
  const chains = useChains();
  const chainId = Form.useWatch('chainId', crud.form);
  const map = useChainMap(chainId ?? undefined);
  const statusOptions = useEnumOptions(targetStatuses, 'investment.targets.statuses');
  const chainOptions = (chains.data?.data ?? []).map((c) => ({ value: c.id, label: c.name }));

  const columns: ListColumn<TargetCompany>[] = [
    { key: 'name', title: t('investment.targets.name'), sortable: true, alwaysVisible: true },
    { key: 'chainName', title: t('investment.chains.chain'), render: (_, r) => r.chainName ?? '—' },
    {
      key: 'linkName',
      title: t('investment.chains.linkName'),
      render: (_, r) => (r.linkName ? `${t(`investment.chains.segments.${r.segment}`)} / ${r.linkName}` : '—'),
    },
    { key: 'region', title: t('investment.targets.region') },
    { key: 'industry', title: t('investment.targets.industry'), defaultHidden: true },
    {
      key: 'priority',
      title: t('investment.targets.priority'),
      sortable: true,
      render: (_, r) => <Tag color={PRIORITY_COLOR[r.priority]}>{r.priority}</Tag>,
    },
    {
      key: 'status',
      title: t('investment.targets.status'),
      sortable: true,
      render: (_, r) => t(`investment.targets.statuses.${r.status}`),
    },
    {
      key: 'flags',
      title: t('investment.flags'),
      render: (_, r) => (
        <>
          {r.fortune500 && <Tag color="gold">{t('investment.flag.fortune500')}</Tag>}
          {r.listed && <Tag color="blue">{t('investment.flag.listed')}</Tag>}
        </>
      ),
    },
    { key: 'contactName', title: t('investment.targets.contact'), defaultHidden: true },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      alwaysVisible: true,
      fixed: 'right',
      render: (_, r) => <RowActions name={r.name} onEdit={() => crud.openEdit(r)} onDelete={() => crud.remove(r.id)} />,
    });
  }

  return (
    <>
      <ListTable<TargetCompany>
        tableId="investment.targets"
        endpoint={TARGETS}
        title={t('investment.targets.menu')}
        rowKey={(r) => r.id}
        columns={columns}
        searchPlaceholder={t('investment.targets.searchPlaceholder')}
        filters={[
          { name: 'chainId', label: t('investment.chains.chain'), options: chainOptions, width: 160 },
          {
            name: 'priority',
            label: t('investment.targets.priority'),
            options: priorities.map((p) => ({ value: p, label: p })),
            width: 100,
          },
          { name: 'status', label: t('investment.targets.status'), options: statusOptions, width: 120 },
        ]}
        toolbar={(listQuery) => (
          <>
            {canWrite && (
              <ImportDialog
                kind="investment-targets"
                title={t('excel.titles.investmentTargets')}
                onDone={() => client.invalidateQueries({ queryKey: [TARGETS] })}
              />
            )}
            <ExportButton endpoint={TARGETS} query={listQuery} />
            {canWrite && <CreateButton onClick={crud.openCreate} />}
          </>
        )}
      />
      {canWrite && (
        <EntityFormModal<TargetCompanyInput>
          name="target"
          open={crud.open}
          title={crud.editing ? crud.editing.name : t('investment.targets.new')}
          form={crud.form}
          initialValues={
            crud.editing ?? {
              priority: 'B',
              status: 'new',
              fortune500: false,
              listed: false,
              chainId: null,
              linkId: null,
            }
          }
          onClose={crud.close}
          onSubmit={(v) => crud.save({ ...v, chainId: v.chainId ?? null, linkId: v.linkId ?? null })}
          width={640}
        >
          <Form.Item name="name" label={t('investment.targets.name')} rules={[{ required: true, min: 2, max: 100 }]}>
            <Input />
          </Form.Item>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="chainId" label={t('investment.chains.chain')}>
                <Select allowClear options={chainOptions} onChange={() => crud.form.setFieldValue('linkId', null)} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="linkId" label={t('investment.chains.linkName')}>
                <Select
                  allowClear
                  disabled={!chainId}
                  options={(map.data?.nodes ?? []).map((n) => ({
                    value: n.id,
                    label: `${t(`investment.chains.segments.${n.segment}`)} / ${n.name}`,
                  }))}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="region" label={t('investment.targets.region')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="industry" label={t('investment.targets.industry')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="contactName" label={t('investment.targets.contact')}>
                <Input maxLength={30} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="contactPhone" label={t('investment.targets.phone')}>
                <Input maxLength={30} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="priority" label={t('investment.targets.priority')}>
                <Select options={priorities.map((p) => ({ value: p, label: p }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="status" label={t('investment.targets.status')}>
                <Select options={statusOptions} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="fortune500" valuePropName="checked" noStyle>
            <Checkbox>{t('investment.flag.fortune500')}</Checkbox>
          </Form.Item>
          <Form.Item name="listed" valuePropName="checked">
            <Checkbox>{t('investment.flag.listed')}</Checkbox>
          </Form.Item>
          <Form.Item name="notes" label={t('investment.targets.notes')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </EntityFormModal>
      )}
    </>
  );
}
