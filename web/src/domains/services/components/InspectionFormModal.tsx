import { type InspectionInput, inspectionKinds, inspectionResults } from '@shared/inspections';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { useEnumOptions } from '../../../shared/format';
import { applyServerErrors } from '../../../shared/forms';
import { useSession } from '../../../shared/session';
import { INSPECTIONS, useDepartmentOptions } from '../api';

interface Saved {
  inspection: { enterpriseName: string; flags: string[] };
  jointSuggestion: { departmentName: string; lastOn: string }[];
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** 亮码检查: register an inspection by the code on the enterprise's card (the QR opens this form with it filled in). */
export function InspectionFormModal({ open, code, onClose }: { open: boolean; code?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const [saved, setSaved] = useState<Saved | null>(null);
  const pickDepartment = session?.user.role === 'admin' || session?.user.role === 'zone_leader';
  const departments = useDepartmentOptions(open);
  const kinds = useEnumOptions(inspectionKinds, 'services.inspection.kind');
  const results = useEnumOptions(inspectionResults, 'services.inspection.result');

  const save = useMutation({
    mutationFn: (values: InspectionInput) => api.post<Saved>(INSPECTIONS, values),
    onSuccess: (res) => {
      message.success(t('services.inspection.saved'));
      client.invalidateQueries({ queryKey: [INSPECTIONS] });
      form.resetFields();
      onClose();
      if (res.inspection.flags.length > 0 || res.jointSuggestion.length > 0) setSaved(res);
    },
    onError: (e) => {
      if (!applyServerErrors(form, e)) message.error((e as Error).message);
    },
  });

  return (
    <>
      <Modal
        open={open}
        title={t('services.inspection.new')}
        onCancel={onClose}
        onOk={() => form.submit()}
        okText={t('common.save')}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => save.mutate({ ...v, jointDepartmentIds: v.jointDepartmentIds ?? [] })}
          initialValues={{ inspectedOn: today(), kind: 'routine', result: 'no_issue', code }}
        >
          <Form.Item
            name="code"
            label={t('services.inspection.code')}
            extra={t('services.inspection.codeHint')}
            rules={[{ required: true }]}
          >
            <Input maxLength={14} style={{ fontFamily: 'monospace', letterSpacing: 2 }} autoComplete="off" />
          </Form.Item>
          {pickDepartment && (
            <Form.Item name="departmentId" label={t('services.inspection.department')} rules={[{ required: true }]}>
              <Select options={departments} showSearch optionFilterProp="label" />
            </Form.Item>
          )}
          <Form.Item name="jointDepartmentIds" label={t('services.inspection.joint')}>
            <Select mode="multiple" options={departments} showSearch optionFilterProp="label" />
          </Form.Item>
          <Form.Item name="inspectedOn" label={t('services.inspection.inspectedOn')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="inspectors" label={t('services.inspection.inspectors')} rules={[{ required: true, min: 2 }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="kind" label={t('services.inspection.kindLabel')} rules={[{ required: true }]}>
            <Select options={kinds} />
          </Form.Item>
          <Form.Item name="purpose" label={t('services.inspection.purpose')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item name="result" label={t('services.inspection.resultLabel')} rules={[{ required: true }]}>
            <Select options={results} />
          </Form.Item>
          <Form.Item name="resultNote" label={t('services.inspection.resultNote')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={saved !== null}
        title={t('services.inspection.saved')}
        onCancel={() => setSaved(null)}
        onOk={() => setSaved(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        {saved?.inspection.flags.map((f) => (
          <Alert
            key={f}
            type="warning"
            showIcon
            style={{ marginBottom: 8 }}
            message={t(`services.inspection.flag.${f}`)}
          />
        ))}
        {saved && saved.jointSuggestion.length > 0 && (
          <Alert
            type="info"
            showIcon
            message={t('services.inspection.jointHint')}
            description={saved.jointSuggestion.map((j) => `${j.lastOn} ${j.departmentName}`).join('；')}
          />
        )}
      </Modal>
    </>
  );
}
