import { bundleMaterials } from '@shared/approval';
import type { Enterprise } from '@shared/enterprises';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Radio, Select, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, type Page } from '../../../shared/api';
import { FileUpload } from '../../../shared/components/FileUpload';
import { applyServerErrors } from '../../../shared/forms';
import { useSession } from '../../../shared/session';
import { useApply, useItemOptions } from '../api';

interface Values {
  itemIds: string[];
  enterpriseId?: string;
  projectCode?: string;
  projectName?: string;
  mode: 'normal' | 'commitment';
  note?: string;
  receivedOn?: Dayjs;
  files?: Record<string, string[]>;
}

/**
 * 在线申报: one or several items (一件事) → one form and the deduplicated materials, each with its files.
 * Enterprise users apply for their own enterprise; staff and agents pick the enterprise (window intake).
 */
export function ApplyModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const session = useSession();
  const own = session?.user.enterpriseId ?? null;
  const isEnterprise = session?.user.role === 'enterprise';
  const [form] = Form.useForm<Values>();
  const items = useItemOptions(open);
  const apply = useApply();
  const [q, setQ] = useState('');
  const enterprises = useQuery({
    queryKey: ['/api/enterprises', 'apply-pick', q],
    queryFn: ({ signal }) =>
      api.get<Page<Enterprise>>('/api/enterprises', { query: { current: 1, pageSize: 20, q: q || undefined }, signal }),
    enabled: open && !isEnterprise,
  });
  const chosen = Form.useWatch('itemIds', form) ?? [];
  const mode = Form.useWatch('mode', form);
  const enterpriseId = Form.useWatch('enterpriseId', form) ?? own ?? undefined;
  const selected = (items.data ?? []).filter((i) => chosen.includes(i.id));
  const materials = bundleMaterials(selected);
  const commitmentOk = selected.length > 0 && selected.every((i) => i.modes.includes('commitment'));

  const finish = async (v: Values) => {
    try {
      const attachments = Object.fromEntries(Object.entries(v.files ?? {}).filter(([, ids]) => ids && ids.length > 0));
      const created = await apply.mutateAsync({
        itemIds: v.itemIds,
        enterpriseId: isEnterprise ? (own ?? undefined) : v.enterpriseId,
        projectCode: v.projectCode || null,
        projectName: v.projectName || null,
        mode: v.mode,
        form: v.note ? { note: v.note } : {},
        attachments,
        receivedOn: v.receivedOn?.format('YYYY-MM-DD'),
      });
      message.success(t('approval.actionDone', { action: t('approval.actions.submit') }));
      onClose();
      navigate(`/approval/cases/${created.id}`);
    } catch (e) {
      applyServerErrors(form, e);
      message.error((e as Error).message);
    }
  };

  return (
    <Modal
      open={open}
      title={t('approval.applyTitle')}
      width={720}
      okText={t('approval.actions.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={apply.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name="apply"
        layout="vertical"
        initialValues={{ mode: 'normal', itemIds: [] }}
        onFinish={finish}
      >
        <Alert type="info" showIcon message={t('approval.bundleHint')} style={{ marginBottom: 12 }} />
        <Form.Item name="itemIds" label={t('approval.chooseItems')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            showSearch
            optionFilterProp="label"
            loading={items.isFetching}
            options={(items.data ?? []).map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))}
          />
        </Form.Item>
        {!isEnterprise && (
          <Form.Item name="enterpriseId" label={t('approval.enterprise')} rules={[{ required: true }]}>
            <Select
              showSearch
              filterOption={false}
              onSearch={setQ}
              loading={enterprises.isFetching}
              options={(enterprises.data?.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
            />
          </Form.Item>
        )}
        <Form.Item name="mode" label={t('approval.mode')}>
          <Radio.Group>
            <Radio value="normal">{t('approval.modeNames.normal')}</Radio>
            <Radio value="commitment" disabled={!commitmentOk}>
              {t('approval.modeNames.commitment')}
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="projectCode" label={t('approval.projectCode')}>
          <Input />
        </Form.Item>
        <Form.Item name="projectName" label={t('approval.projectName')}>
          <Input />
        </Form.Item>
        <Form.Item name="note" label={t('approval.formNote')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {!isEnterprise && (
          <Form.Item name="receivedOn" label={t('approval.receivedOn')}>
            <DatePicker />
          </Form.Item>
        )}
        {materials.length > 0 && (
          <>
            <Typography.Title level={5}>
              {t('approval.materials')} ({materials.length})
            </Typography.Title>
            {materials.map((m) => (
              <Form.Item
                key={m.code}
                name={['files', m.code]}
                label={
                  <span>
                    {m.name} {m.required ? <Tag color="red">{t('approval.required')}</Tag> : null}
                    {m.mayFollow ? <Tag color="cyan">{t('approval.mayFollow')}</Tag> : null}
                  </span>
                }
              >
                <FileUpload enterpriseId={isEnterprise ? undefined : enterpriseId} />
              </Form.Item>
            ))}
          </>
        )}
        {mode === 'commitment' && <Alert type="warning" message={t('approval.modeNames.commitment')} />}
      </Form>
    </Modal>
  );
}
