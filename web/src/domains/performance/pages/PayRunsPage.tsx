import type { Cycle, PayRun } from '@shared/performance';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, InputNumber, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, isApiError, type Page } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useCan } from '../../../shared/session';
import { CYCLES, formatFen, PAY_RUNS, usePayRuns } from '../api';

/** Pay runs: quarterly advances and the year-end settlement of the performance pay pool. */
export default function PayRunsPage() {
  const { t, i18n } = useTranslation();
  const canManage = useCan('pay.manage');
  const runs = usePayRuns();
  const [creating, setCreating] = useState(false);
  return (
    <Card
      title={t('menu.payRuns')}
      extra={
        canManage && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('performance.pay.newRun')}
          </Button>
        )
      }
    >
      <Table<PayRun>
        rowKey="id"
        loading={runs.isLoading}
        dataSource={runs.data ?? []}
        locale={{ emptyText: <Empty description={t('performance.pay.none')} /> }}
        pagination={false}
        scroll={{ x: 800 }}
        columns={[
          {
            key: 'name',
            title: t('performance.pay.run'),
            render: (_, r) => (
              <Link to={`/performance/pay/${r.id}`}>
                {r.kind === 'advance'
                  ? t('performance.pay.advanceName', { year: r.year, quarter: r.quarter })
                  : t('performance.pay.settlementName', { year: r.year })}
              </Link>
            ),
          },
          {
            key: 'pool',
            title: t('performance.pay.pool'),
            align: 'right',
            render: (_, r) => formatFen(r.poolFen, i18n.language),
          },
          {
            key: 'distributed',
            title: t('performance.pay.distributed'),
            align: 'right',
            render: (_, r) => formatFen(r.distributedFen, i18n.language),
          },
          { key: 'people', dataIndex: 'people', title: t('performance.pay.people'), align: 'right' },
          {
            key: 'flagged',
            title: t('performance.pay.flags'),
            render: (_, r) => (r.flagged > 0 ? <Tag color="orange">{r.flagged}</Tag> : '—'),
          },
          { key: 'cycle', title: t('performance.pay.cycle'), render: (_, r) => r.cycleName ?? '—' },
          { key: 'at', title: t('common.createdAt'), render: (_, r) => formatDateTime(r.createdAt, i18n.language) },
        ]}
      />
      {canManage && <RunModal open={creating} onClose={() => setCreating(false)} />}
    </Card>
  );
}

function RunModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form);
  const [busy, setBusy] = useState(false);
  const closed = useQuery({
    queryKey: [CYCLES, 'closed'],
    queryFn: ({ signal }) =>
      api.get<Page<Cycle>>(CYCLES, { query: { status: 'closed', pageSize: 100, current: 1 }, signal }),
    enabled: open,
  });
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      // Yuan typed with at most two decimals → integer fen via the string, never a float product.
      const [int, frac = ''] = String(v.poolYuan).split('.');
      const poolFen = Number(int) * 100 + Number(frac.padEnd(2, '0').slice(0, 2));
      const run = await api.post<PayRun>(PAY_RUNS, {
        year: v.year,
        kind: v.kind,
        quarter: v.kind === 'advance' ? v.quarter : null,
        cycleId: v.kind === 'settlement' ? v.cycleId : null,
        poolFen,
        params: { advancePct: v.advancePct },
      });
      void client.invalidateQueries({ queryKey: [PAY_RUNS] });
      onClose();
      navigate(`/performance/pay/${run.id}`);
    } catch (e) {
      if (isApiError(e) && e.fields) {
        message.error(Object.values(e.fields).join('；'));
      } else message.error(e instanceof Error ? e.message : t('errors.unknown'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('performance.pay.newRun')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year: new Date().getFullYear(), kind: 'settlement', quarter: 1, advancePct: 60 }}
      >
        <Form.Item name="year" label={t('performance.pay.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="kind" label={t('performance.pay.kind')} rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'advance', label: t('performance.pay.kinds.advance') },
              { value: 'settlement', label: t('performance.pay.kinds.settlement') },
            ]}
          />
        </Form.Item>
        {kind === 'advance' ? (
          <Form.Item name="quarter" label={t('performance.pay.quarter')} rules={[{ required: true }]}>
            <Select options={[1, 2, 3, 4].map((q) => ({ value: q, label: `Q${q}` }))} />
          </Form.Item>
        ) : (
          <Form.Item name="cycleId" label={t('performance.pay.cycle')} rules={[{ required: true }]}>
            <Select
              loading={closed.isLoading}
              options={(closed.data?.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
        )}
        <Form.Item name="poolYuan" label={t('performance.pay.poolYuan')} rules={[{ required: true }]}>
          <InputNumber min={0.01} precision={2} stringMode style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="advancePct" label={t('performance.pay.advancePct')} extra={t('performance.pay.atRiskHint')}>
          <InputNumber min={0} max={100} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
