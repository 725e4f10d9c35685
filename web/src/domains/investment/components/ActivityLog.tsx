import { type ActivityInput, activityKinds } from '@shared/investment-library';
import { useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Form, Input, List, Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { ACTIVITIES, useActivities } from '../library-api';

type Values = Omit<ActivityInput, 'heldOn'> & { heldOn: Dayjs };

/** Activities on a lead (visits, calls, negotiations, trips) with participants and outcome, newest first. */
export function ActivityLog({
  projectId,
  teamId,
  canWrite,
}: {
  projectId: string;
  teamId: string | null;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const list = useActivities(projectId);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('investment.activities.title')}
        </Typography.Title>
        {canWrite && (
          <Button size="small" onClick={() => setOpen(true)}>
            {t('investment.activities.add')}
          </Button>
        )}
      </Flex>
      <List
        size="small"
        dataSource={list.data?.data ?? []}
        locale={{ emptyText: t('investment.activities.none') }}
        renderItem={(a) => (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  <Tag>{t(`investment.activities.kinds.${a.kind}`)}</Tag>
                  {a.heldOn} · {a.title}
                </>
              }
              description={
                <>
                  <div>
                    {t('investment.activities.participants')}: {a.participants.join('、')}
                    {a.counterparts && ` · ${a.counterparts}`}
                  </div>
                  {a.outcome && (
                    <div>
                      {t('investment.activities.outcome')}: {a.outcome}
                    </div>
                  )}
                </>
              }
            />
          </List.Item>
        )}
      />
      <EntityFormModal<Values>
        name="activity"
        open={open}
        title={t('investment.activities.add')}
        form={form}
        initialValues={{ kind: 'negotiation', heldOn: dayjs(), participants: [] }}
        onClose={() => setOpen(false)}
        onSubmit={async (v) => {
          await api.post(ACTIVITIES, { ...v, heldOn: v.heldOn.format('YYYY-MM-DD'), projectId, teamId });
          await client.invalidateQueries({ queryKey: [ACTIVITIES] });
        }}
      >
        <Form.Item name="kind" label={t('investment.activities.kind')} rules={[{ required: true }]}>
          <Select options={activityKinds.map((k) => ({ value: k, label: t(`investment.activities.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('investment.activities.subject')}
          rules={[{ required: true, min: 2, max: 100 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="heldOn" label={t('investment.activities.heldOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="participants" label={t('investment.activities.participants')} rules={[{ required: true }]}>
          <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} />
        </Form.Item>
        <Form.Item name="counterparts" label={t('investment.activities.counterparts')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="outcome" label={t('investment.activities.outcome')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </EntityFormModal>
    </Flex>
  );
}
