import { grades, type Score } from '@shared/performance';
import { App, Button, Empty, Form, Input, Modal, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnumOptions } from '../../../shared/format';
import { useCan } from '../../../shared/session';
import { usePerformanceAction } from '../api';
import { GradeTag } from './GradeTag';

/** Personal scores with grades: the leader calibrates (reason required), department people appeal once closed. */
export function StaffScores({ scores, loading, closed }: { scores: Score[]; loading: boolean; closed: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canManage = useCan('performance.manage');
  const canAppeal = useCan('performance.appeal');
  const gradeOptions = useEnumOptions(grades, 'performance.grade');
  const [calibrating, setCalibrating] = useState<Score | null>(null);
  const [appealing, setAppealing] = useState<Score | null>(null);
  const [form] = Form.useForm<{ grade: string; reason: string }>();
  const calibrate = usePerformanceAction<{ id: string; grade: string; reason: string }>(
    (b) => `/api/performance/scores/${b.id}/calibrate`,
    ({ grade, reason }) => ({ grade, reason }),
  );
  const appeal = usePerformanceAction<{ id: string; reason: string }>(
    (b) => `/api/performance/scores/${b.id}/appeal`,
    ({ reason }) => ({ reason }),
  );
  const fail = (e: unknown) => message.error(e instanceof Error ? e.message : t('errors.unknown'));

  if (!loading && scores.length === 0) return <Empty description={t('performance.noScores')} />;
  return (
    <>
      <Table<Score>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={scores}
        pagination={{ pageSize: 20, showSizeChanger: true }}
        scroll={{ x: 900 }}
        expandable={{
          expandedRowRender: (r) => (
            <Table
              size="small"
              rowKey="indicatorId"
              pagination={false}
              dataSource={r.lines}
              columns={[
                { key: 'name', dataIndex: 'name', title: t('performance.indicator') },
                {
                  key: 'method',
                  title: t('performance.method'),
                  render: (_, l) => t(`performance.methods.${l.method}`),
                },
                { key: 'weight', dataIndex: 'weight', title: t('performance.weight'), align: 'right' },
                { key: 'actual', title: t('performance.actual'), align: 'right', render: (_, l) => l.actual ?? '—' },
                { key: 'target', title: t('performance.target'), align: 'right', render: (_, l) => l.target ?? '—' },
                {
                  key: 'points',
                  title: t('performance.points'),
                  align: 'right',
                  render: (_, l) => l.points.toFixed(2),
                },
              ]}
            />
          ),
        }}
        columns={[
          { key: 'rank', dataIndex: 'rank', title: t('performance.rank'), width: 70 },
          { key: 'no', dataIndex: 'employeeNo', title: t('performance.employeeNo'), width: 110 },
          { key: 'name', dataIndex: 'staffName', title: t('performance.staffName') },
          { key: 'dept', dataIndex: 'departmentName', title: t('performance.department') },
          { key: 'own', title: t('performance.ownScore'), align: 'right', render: (_, r) => r.ownScore.toFixed(2) },
          { key: 'score', title: t('performance.finalScore'), align: 'right', render: (_, r) => r.score.toFixed(2) },
          { key: 'grade', title: t('performance.gradeLabel'), render: (_, r) => <GradeTag grade={r.grade} /> },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, r) => (
              <Space>
                {canManage && r.grade && (
                  <Button
                    size="small"
                    onClick={() => {
                      form.setFieldsValue({ grade: r.grade ?? undefined, reason: '' });
                      setCalibrating(r);
                    }}
                  >
                    {t('performance.calibrate')}
                  </Button>
                )}
                {canAppeal && closed && r.grade && (
                  <Button size="small" onClick={() => setAppealing(r)}>
                    {t('performance.appeal')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={Boolean(calibrating)}
        title={`${t('performance.calibrate')} · ${calibrating?.staffName ?? ''}`}
        okText={t('common.save')}
        confirmLoading={calibrate.isPending}
        onCancel={() => setCalibrating(null)}
        onOk={async () => {
          const v = await form.validateFields();
          calibrate.mutate(
            { id: calibrating!.id, ...v },
            {
              onSuccess: () => {
                message.success(t('common.saved'));
                setCalibrating(null);
              },
              onError: fail,
            },
          );
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="grade" label={t('performance.gradeLabel')} rules={[{ required: true }]}>
            <Select options={gradeOptions} />
          </Form.Item>
          <Form.Item name="reason" label={t('performance.reason')} rules={[{ required: true, min: 4 }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
      <AppealModal
        score={appealing}
        busy={appeal.isPending}
        onClose={() => setAppealing(null)}
        onSubmit={(reason) =>
          appeal.mutate(
            { id: appealing!.id, reason },
            {
              onSuccess: () => {
                message.success(t('performance.appealFiled'));
                setAppealing(null);
              },
              onError: fail,
            },
          )
        }
      />
    </>
  );
}

function AppealModal(props: { score: Score | null; busy: boolean; onClose(): void; onSubmit(reason: string): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={Boolean(props.score)}
      title={`${t('performance.appeal')} · ${props.score?.staffName ?? ''}`}
      confirmLoading={props.busy}
      onCancel={props.onClose}
      onOk={async () => props.onSubmit((await form.validateFields()).reason)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('performance.reason')} rules={[{ required: true, min: 4 }]}>
          <Input.TextArea rows={4} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
