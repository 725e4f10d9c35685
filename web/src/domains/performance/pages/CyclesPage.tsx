import { type Cycle, cyclePeriods, cycleStatuses } from '@shared/performance';
import { useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, isApiError } from '../../../shared/api';
import { type ListColumn, ListTable } from '../../../shared/components/ListTable';
import { formatDateTime, useEnumOptions } from '../../../shared/format';
import { useCan } from '../../../shared/session';
import { CYCLES } from '../api';

/** Appraisal cycles (monthly / quarterly / annual); the leader opens new ones. */
export default function CyclesPage() {
  const { t, i18n } = useTranslation();
  const canManage = useCan('performance.manage');
  const periods = useEnumOptions(cyclePeriods, 'performance.periods');
  const statuses = useEnumOptions(cycleStatuses, 'performance.status');
  const [creating, setCreating] = useState(false);
  const columns: ListColumn<Cycle>[] = [
    {
      key: 'name',
      title: t('performance.cycleName'),
      sortable: true,
      alwaysVisible: true,
      render: (_, r) => <Link to={`/performance/cycles/${r.id}`}>{r.name}</Link>,
    },
    { key: 'period', title: t('performance.period'), render: (_, r) => t(`performance.periods.${r.period}`) },
    {
      key: 'periodStart',
      title: t('performance.dates'),
      sortable: true,
      render: (_, r) => `${r.periodStart} ~ ${r.periodEnd}`,
    },
    {
      key: 'status',
      title: t('common.status'),
      render: (_, r) => (
        <Badge status={r.status === 'open' ? 'processing' : 'default'} text={t(`performance.status.${r.status}`)} />
      ),
    },
    { key: 'closedAt', title: t('performance.closedAt'), render: (_, r) => formatDateTime(r.closedAt, i18n.language) },
  ];
  return (
    <>
      <ListTable<Cycle>
        tableId="performance.cycles"
        endpoint={CYCLES}
        title={t('menu.perfCycles')}
        rowKey={(r) => r.id}
        columns={columns}
        filters={[
          { name: 'period', label: t('performance.period'), options: periods },
          { name: 'status', label: t('common.status'), options: statuses },
        ]}
        toolbar={
          canManage && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('performance.newCycle')}
            </Button>
          )
        }
      />
      {canManage && <CycleModal open={creating} onClose={() => setCreating(false)} />}
    </>
  );
}

function CycleModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const periods = useEnumOptions(cyclePeriods, 'performance.periods');
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const cycle = await api.post<Cycle>(CYCLES, {
        name: v.name,
        period: v.period,
        periodStart: v.range[0].format('YYYY-MM-DD'),
        periodEnd: v.range[1].format('YYYY-MM-DD'),
      });
      void client.invalidateQueries({ queryKey: [CYCLES] });
      onClose();
      navigate(`/performance/cycles/${cycle.id}`);
    } catch (e) {
      if (isApiError(e) && e.fields) {
        form.setFields(
          Object.entries(e.fields).map(([name, err]) => ({
            name: name === 'periodStart' || name === 'periodEnd' ? 'range' : name,
            errors: [err],
          })),
        );
      } else message.error(e instanceof Error ? e.message : t('errors.unknown'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('performance.newCycle')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ period: 'quarterly' }}>
        <Form.Item name="name" label={t('performance.cycleName')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="period" label={t('performance.period')} rules={[{ required: true }]}>
          <Select options={periods} />
        </Form.Item>
        <Form.Item name="range" label={t('performance.dates')} rules={[{ required: true }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
