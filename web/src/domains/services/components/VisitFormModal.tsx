import type { VisitInput } from '@shared/services';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { FileUpload } from '../../../shared/components/FileUpload';
import { applyServerErrors } from '../../../shared/forms';
import { useSession } from '../../../shared/session';
import { useDepartmentOptions, useEnterpriseSearch, VISITS } from '../api';
import { DemandFormModal } from './DemandFormModal';

interface Saved {
  visit: { id: string; enterpriseId: string; enterpriseName: string };
  warnings: { visitId: string; departmentName: string; visitedOn: string }[];
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** 记录走访, on a phone at the enterprise: then raise the demands heard there, one card each. */
export function VisitFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const [q, setQ] = useState('');
  const [saved, setSaved] = useState<Saved | null>(null);
  const [raising, setRaising] = useState(false);
  const enterpriseId = Form.useWatch('enterpriseId', form) as string | undefined;
  const enterprises = useEnterpriseSearch(q, open);
  const pickDepartment = session?.user.role === 'admin' || session?.user.role === 'zone_leader';
  const departments = useDepartmentOptions(open && pickDepartment);

  const save = useMutation({
    mutationFn: (values: VisitInput) => api.post<Saved>(VISITS, values),
    onSuccess: (res) => {
      message.success(t('services.visitSaved'));
      client.invalidateQueries({ queryKey: [VISITS] });
      form.resetFields();
      onClose();
      setSaved(res);
    },
    onError: (e) => {
      if (!applyServerErrors(form, e)) message.error((e as Error).message);
    },
  });

  return (
    <>
      <Modal
        open={open}
        title={t('services.newVisit')}
        onCancel={onClose}
        onOk={() => form.submit()}
        okText={t('common.save')}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => save.mutate({ ...v, photoFileIds: v.photoFileIds ?? [] })}
          initialValues={{ visitedOn: today() }}
        >
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
          {pickDepartment && (
            <Form.Item name="departmentId" label={t('services.visitingDepartment')} rules={[{ required: true }]}>
              <Select options={departments} showSearch optionFilterProp="label" />
            </Form.Item>
          )}
          <Form.Item name="visitedOn" label={t('services.visitedOn')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="people" label={t('services.people')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={2} maxLength={500} placeholder={t('services.peopleHint')} />
          </Form.Item>
          <Form.Item name="topics" label={t('services.topics')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="photoFileIds" label={t('services.photos')} initialValue={[]}>
            <FileUpload imagesOnly enterpriseId={enterpriseId} max={12} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={saved !== null && !raising}
        title={t('services.visitSaved')}
        onCancel={() => setSaved(null)}
        footer={
          <Space>
            <Button onClick={() => setSaved(null)}>{t('common.close')}</Button>
            <Button type="primary" onClick={() => setRaising(true)}>
              {t('services.raiseFromVisit')}
            </Button>
          </Space>
        }
      >
        {saved && saved.warnings.length > 0 && (
          <Alert
            type="warning"
            showIcon
            message={t('services.duplicateVisit')}
            description={saved.warnings.map((w) => `${w.visitedOn} ${w.departmentName}`).join('；')}
          />
        )}
        <p style={{ marginTop: 12 }}>{t('services.raiseFromVisitHint', { name: saved?.visit.enterpriseName })}</p>
      </Modal>
      {saved && (
        <DemandFormModal
          open={raising}
          enterpriseId={saved.visit.enterpriseId}
          visitId={saved.visit.id}
          onClose={() => {
            setRaising(false);
            setSaved(null);
          }}
        />
      )}
    </>
  );
}
