import { type DemandInput, demandSources, demandTags } from '@shared/services';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api';
import { useEnumOptions } from '../../../shared/format';
import { applyServerErrors } from '../../../shared/forms';
import { useSession } from '../../../shared/session';
import { DEMANDS, useEnterpriseSearch } from '../api';

interface Props {
  open: boolean;
  onClose: () => void;
  /** Preset enterprise (from a visit or an enterprise page). */
  enterpriseId?: string;
  visitId?: string;
}

/** 提交诉求: an enterprise raises its own on the portal; staff enter hotline and visit demands for an enterprise. */
export function DemandFormModal({ open, onClose, enterpriseId, visitId }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const [q, setQ] = useState('');
  const isEnterprise = session?.user.role === 'enterprise';
  const enterprises = useEnterpriseSearch(q, open && !isEnterprise && !enterpriseId);
  const tagOptions = useEnumOptions(demandTags, 'services.tag');
  const sourceOptions = useEnumOptions(
    demandSources.filter((s) => s !== 'portal'),
    'services.source',
  );

  const save = useMutation({
    mutationFn: (values: DemandInput) => api.post<{ id: string }>(DEMANDS, values),
    onSuccess: (d) => {
      message.success(t('services.demandCreated'));
      client.invalidateQueries({ queryKey: [DEMANDS] });
      form.resetFields();
      onClose();
      navigate(`/services/demands/${d.id}`);
    },
    onError: (e) => {
      if (!applyServerErrors(form, e)) message.error((e as Error).message);
    },
  });

  const submit = (values: Record<string, unknown>) => {
    const body = {
      ...values,
      enterpriseId: isEnterprise ? session?.user.enterpriseId : (enterpriseId ?? values.enterpriseId),
      source: isEnterprise ? 'portal' : visitId ? 'visit' : values.source,
      visitId: visitId ?? null,
      receivedOn: values.receivedOn || undefined,
    } as DemandInput;
    save.mutate(body);
  };

  return (
    <Modal
      open={open}
      title={t('services.newDemand')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('services.submit')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ source: 'hotline', tags: [] }}>
        {!isEnterprise && !enterpriseId && (
          <Form.Item name="enterpriseId" label={t('services.enterprise')} rules={[{ required: true }]}>
            <Select
              showSearch
              filterOption={false}
              onSearch={setQ}
              options={enterprises.options}
              loading={enterprises.loading}
              placeholder={t('services.enterpriseSearch')}
            />
          </Form.Item>
        )}
        {!isEnterprise && !visitId && (
          <Form.Item name="source" label={t('services.sourceLabel')}>
            <Select options={sourceOptions} />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('services.title')} rules={[{ required: true, min: 4, max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="content" label={t('services.content')} rules={[{ required: true, min: 4 }]}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Form.Item name="tags" label={t('services.tags')} rules={[{ required: true }]}>
          <Select mode="multiple" options={tagOptions} maxCount={4} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="contactName" label={t('services.contactName')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('services.contactPhone')}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        {!isEnterprise && (
          <Form.Item name="receivedOn" label={t('services.receivedOn')} extra={t('services.receivedOnHint')}>
            <Input type="date" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
