import { useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Descriptions, Drawer, Empty, Flex, Form, InputNumber, Table, Typography } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { applyServerErrors } from '../../../shared/forms';
import { useCan } from '../../../shared/session';
import { wan, wanToFen } from '../../investment/api';
import { KEY_PROJECTS, useKeyProject } from '../api';
import { LightTag } from './LightTag';
import { PhotosPanel } from './PhotosPanel';

/** One key project: light and reasons, dates, plans, monthly completed investment (enter a month), milestones. */
export function KeyProjectDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const kp = useKeyProject(id);
  const canWrite = useCan('projects.write');
  const [form] = Form.useForm<{ month: dayjs.Dayjs; wan: number }>();
  const [startForm] = Form.useForm<{ actualStart: dayjs.Dayjs }>();
  const [busy, setBusy] = useState(false);
  const p = kp.data;

  const save = async (body: unknown, f: typeof form | typeof startForm, path = '') => {
    setBusy(true);
    try {
      if (path) await api.put(`${KEY_PROJECTS}/${id}${path}`, body);
      else await api.put(`${KEY_PROJECTS}/${id}`, body);
      message.success(t('common.saved'));
      await client.invalidateQueries({ queryKey: [KEY_PROJECTS] });
    } catch (e) {
      applyServerErrors(f, e);
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open={Boolean(id)} onClose={onClose} size={720} title={p ? `${p.code} ${p.name}` : ''} destroyOnHidden>
      {!p ? (
        <Empty />
      ) : (
        <Flex vertical gap={16}>
          <LightTag light={p.light} reasons={p.lightReasons} />
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('projects.level')}>{t(`projects.levels.${p.level}`)}</Descriptions.Item>
            <Descriptions.Item label={t('projects.enterprise')}>{p.enterpriseName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('projects.leader')}>{p.leaderName || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('projects.unit')}>{p.unitName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('projects.plannedStart')}>{p.plannedStart}</Descriptions.Item>
            <Descriptions.Item label={t('projects.actualStart')}>{p.actualStart ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('projects.plannedCompletion')}>{p.plannedCompletion}</Descriptions.Item>
            <Descriptions.Item label={t('projects.statsRegisteredOn')}>{p.statsRegisteredOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('projects.totalWan')}>{wan(p.totalInvestmentFen)}</Descriptions.Item>
            <Descriptions.Item label={t('projects.yearWan')}>
              {wan(p.yearCompletedFen)} / {wan(p.yearPlannedFen)}
            </Descriptions.Item>
          </Descriptions>
          {canWrite && !p.actualStart && (
            <Form
              form={startForm}
              name="start"
              layout="inline"
              onFinish={(v) =>
                save(
                  {
                    ...p,
                    actualStart: v.actualStart.format('YYYY-MM-DD'),
                    annualPlans: p.annualPlans,
                  },
                  startForm,
                )
              }
            >
              <Form.Item name="actualStart" label={t('projects.actualStart')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Button htmlType="submit" loading={busy}>
                {t('projects.recordStart')}
              </Button>
            </Form>
          )}
          <Typography.Title level={5}>{t('projects.months')}</Typography.Title>
          {canWrite && (
            <Form
              form={form}
              name="month"
              layout="inline"
              onFinish={(v) =>
                save(
                  { year: v.month.year(), month: v.month.month() + 1, completedFen: wanToFen(v.wan) },
                  form,
                  '/months',
                )
              }
            >
              <Form.Item name="month" label={t('projects.month')} rules={[{ required: true }]}>
                <DatePicker picker="month" />
              </Form.Item>
              <Form.Item name="wan" label={t('projects.completedWan')} rules={[{ required: true }]}>
                <InputNumber min={0} precision={2} />
              </Form.Item>
              <Button htmlType="submit" loading={busy}>
                {t('common.save')}
              </Button>
            </Form>
          )}
          <Table
            size="small"
            rowKey={(r) => `${r.year}-${r.month}`}
            pagination={false}
            dataSource={p.months}
            columns={[
              {
                key: 'm',
                title: t('projects.month'),
                render: (_, r) => `${r.year}-${String(r.month).padStart(2, '0')}`,
              },
              { key: 'v', title: t('projects.completedWan'), align: 'right', render: (_, r) => wan(r.completedFen) },
            ]}
          />
          <Typography.Title level={5}>{t('projects.milestones')}</Typography.Title>
          <Table
            size="small"
            rowKey="name"
            pagination={false}
            dataSource={p.milestones}
            columns={[
              { key: 'name', dataIndex: 'name', title: t('projects.milestone') },
              { key: 'plannedOn', dataIndex: 'plannedOn', title: t('projects.plannedOn') },
              {
                key: 'doneOn',
                dataIndex: 'doneOn',
                title: t('projects.doneOn'),
                render: (v: string | null) => v ?? '—',
              },
            ]}
          />
          <PhotosPanel keyProjectId={p.id} canWrite={canWrite} />
        </Flex>
      )}
    </Drawer>
  );
}
