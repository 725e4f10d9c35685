import { DEFAULT_GREEN_CARD_PRIVILEGES, type GreenCardInput } from '@shared/investment-library';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Descriptions, Flex, Form, Input, Popconfirm, Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { GREEN_CARDS, useGreenCards } from '../library-api';

type Values = Omit<GreenCardInput, 'issuedOn' | 'validUntil'> & { issuedOn: Dayjs; validUntil: Dayjs };

/** 服务绿卡 of a signed project: the active card (number, 专员, privileges), issue and revoke. */
export function GreenCardPanel({
  projectId,
  signed,
  canIssue,
}: {
  projectId: string;
  signed: boolean;
  canIssue: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const cards = useGreenCards(projectId);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const active = cards.data?.data.find((c) => c.status === 'active');
  const refresh = () => client.invalidateQueries({ queryKey: [GREEN_CARDS] });
  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('investment.greenCard.title')}
        </Typography.Title>
        {canIssue && signed && !active && (
          <Button size="small" type="primary" onClick={() => setOpen(true)}>
            {t('investment.greenCard.issue')}
          </Button>
        )}
      </Flex>
      {!signed && <Typography.Text type="secondary">{t('investment.greenCard.afterSigning')}</Typography.Text>}
      {active ? (
        <Descriptions size="small" bordered column={2}>
          <Descriptions.Item label={t('investment.greenCard.cardNo')}>
            {active.cardNo}{' '}
            <Tag color={active.valid ? 'green' : 'default'}>
              {t(active.valid ? 'investment.greenCard.valid' : 'investment.greenCard.expired')}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('investment.greenCard.validity')}>
            {active.issuedOn} ~ {active.validUntil}
          </Descriptions.Item>
          <Descriptions.Item label={t('investment.greenCard.holder')}>{active.holderName}</Descriptions.Item>
          <Descriptions.Item label={t('investment.greenCard.specialist')}>
            {active.specialistName} {active.specialistPhone}
          </Descriptions.Item>
          <Descriptions.Item label={t('investment.greenCard.privileges')} span={2}>
            {active.privileges.map((p) => (
              <Tag key={p} color="green">
                {p}
              </Tag>
            ))}
            {canIssue && (
              <Popconfirm
                title={t('investment.greenCard.revoke')}
                onConfirm={async () => {
                  await api.post(`${GREEN_CARDS}/${active.id}/revoke`, {
                    reason: t('investment.greenCard.revokedByUser'),
                  });
                  message.success(t('investment.greenCard.revoked'));
                  await refresh();
                }}
              >
                <Button size="small" danger type="link">
                  {t('investment.greenCard.revoke')}
                </Button>
              </Popconfirm>
            )}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        signed && <Typography.Text type="secondary">{t('investment.greenCard.none')}</Typography.Text>
      )}
      <EntityFormModal<Values>
        name="greenCard"
        open={open}
        title={t('investment.greenCard.issue')}
        form={form}
        initialValues={{
          issuedOn: dayjs(),
          validUntil: dayjs().add(2, 'year'),
          privileges: DEFAULT_GREEN_CARD_PRIVILEGES,
        }}
        onClose={() => setOpen(false)}
        onSubmit={async (v) => {
          await api.post(`/api/investment/projects/${projectId}/green-card`, {
            ...v,
            issuedOn: v.issuedOn.format('YYYY-MM-DD'),
            validUntil: v.validUntil.format('YYYY-MM-DD'),
          });
          await refresh();
        }}
      >
        <Form.Item name="holderName" label={t('investment.greenCard.holder')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="holderPhone" label={t('investment.greenCard.holderPhone')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item
          name="specialistName"
          label={t('investment.greenCard.specialist')}
          rules={[{ required: true, min: 2 }]}
        >
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="specialistPhone" label={t('investment.greenCard.specialistPhone')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="privileges" label={t('investment.greenCard.privileges')} rules={[{ required: true }]}>
          <Select mode="tags" options={DEFAULT_GREEN_CARD_PRIVILEGES.map((p) => ({ value: p, label: p }))} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="issuedOn" label={t('investment.greenCard.issuedOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="validUntil" label={t('investment.greenCard.validUntil')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Flex>
      </EntityFormModal>
    </Flex>
  );
}
