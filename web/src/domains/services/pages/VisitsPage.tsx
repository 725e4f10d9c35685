import { PlusOutlined } from '@ant-design/icons';
import type { Visit } from '@shared/services';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Rate } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../shared/api';
import { type ListColumn, ListTable } from '../../../shared/components/ListTable';
import { applyServerErrors } from '../../../shared/forms';
import { useCan } from '../../../shared/session';
import { VISITS } from '../api';
import { VisitFormModal } from '../components/VisitFormModal';

/** 走访记录: staff log visits (phone-friendly form); the enterprise sees the visits it received and rates them. */
export default function VisitsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const canWrite = useCan('visits.write');
  const canRate = useCan('visits.rate');
  const [creating, setCreating] = useState(false);
  const [rating, setRating] = useState<Visit | null>(null);
  const [form] = Form.useForm();
  const rate = useMutation({
    mutationFn: (v: { score: number; comment?: string }) => api.post<Visit>(`${VISITS}/${rating?.id}/rate`, v),
    onSuccess: () => {
      message.success(t('services.done'));
      client.invalidateQueries({ queryKey: [VISITS] });
      setRating(null);
    },
    onError: (e) => {
      if (!applyServerErrors(form, e)) message.error((e as Error).message);
    },
  });

  const columns: ListColumn<Visit>[] = [
    { key: 'visitedOn', title: t('services.visitedOn'), sortable: true, alwaysVisible: true },
    {
      key: 'enterpriseName',
      title: t('services.enterprise'),
      render: (_, r) =>
        canWrite ? <Link to={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link> : r.enterpriseName,
    },
    { key: 'departmentName', title: t('services.visitingDepartment') },
    { key: 'officerName', title: t('services.officer'), render: (_, r) => r.officerName ?? '—' },
    { key: 'topics', title: t('services.topics'), ellipsis: true },
    { key: 'people', title: t('services.people'), defaultHidden: true, ellipsis: true },
    {
      key: 'demandCount',
      title: t('services.demandsRaised'),
      align: 'right',
      render: (_, r) => (r.demandCount > 0 ? <Link to={`/services/demands?visitId=${r.id}`}>{r.demandCount}</Link> : 0),
    },
    {
      key: 'rating',
      title: t('services.visitRating'),
      render: (_, r) =>
        r.ratingScore !== null ? (
          <Rate disabled value={r.ratingScore} style={{ fontSize: 14 }} />
        ) : canRate ? (
          <Button size="small" onClick={() => setRating(r)}>
            {t('services.actions.rate')}
          </Button>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <>
      <ListTable<Visit>
        tableId="services.visits"
        endpoint={VISITS}
        title={t('services.visitsMenu')}
        rowKey={(r) => r.id}
        columns={columns}
        searchPlaceholder={t('services.visitSearch')}
        defaultSort={{ field: 'visitedOn', order: 'descend' }}
        filters={[
          {
            name: 'rated',
            label: t('services.visitRating'),
            options: [
              { value: 'yes', label: t('services.rated') },
              { value: 'no', label: t('services.unrated') },
            ],
            width: 110,
          },
          { name: 'from', label: t('services.visitedOn'), type: 'dateRange', names: ['from', 'to'] },
        ]}
        toolbar={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('services.newVisit')}
            </Button>
          )
        }
      />
      {canWrite && <VisitFormModal open={creating} onClose={() => setCreating(false)} />}
      <Modal
        open={rating !== null}
        title={t('services.rateVisit')}
        onCancel={() => setRating(null)}
        onOk={() => form.submit()}
        confirmLoading={rate.isPending}
        destroyOnHidden
      >
        <p>{t('services.anonymousHint')}</p>
        <Form form={form} layout="vertical" onFinish={(v) => rate.mutate(v)} preserve={false}>
          <Form.Item name="score" label={t('services.score')} rules={[{ required: true }]}>
            <Rate />
          </Form.Item>
          <Form.Item name="comment" label={t('services.comment')}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
