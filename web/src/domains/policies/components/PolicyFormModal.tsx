import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { enterpriseScales, enterpriseTags } from '@shared/enterprises';
import { type PolicyCondition, policyModes } from '@shared/policies';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { useEnumOptions } from '../../../shared/format';
import { applyServerErrors } from '../../../shared/forms';
import { useSubParkOptions } from '../../enterprises/api';
import { POLICIES, toFen } from '../api';

const FIELDS = ['scale', 'tag', 'industry', 'subPark', 'landMu', 'establishedYears'] as const;
type Field = (typeof FIELDS)[number];
const OPS: Record<Field, string[]> = {
  scale: ['eq'],
  tag: ['has', 'hasNot'],
  industry: ['in'],
  subPark: ['in'],
  landMu: ['gte', 'lte'],
  establishedYears: ['gte', 'lte'],
};

interface Row {
  field?: Field;
  op?: string;
  value?: unknown;
}

/** One condition of the rule editor: field → operator → a value widget fitting the field (never free text). */
function ConditionRow({ name, remove, field }: { name: number; remove: () => void; field?: Field }) {
  const { t } = useTranslation();
  const fields = useEnumOptions(FIELDS, 'policies.field');
  const scales = useEnumOptions(enterpriseScales, 'enums.enterpriseScale');
  const subParks = useSubParkOptions().options;
  const valueInput = (() => {
    switch (field) {
      case 'scale':
        return <Select options={scales} style={{ width: 160 }} />;
      case 'tag':
        return <Select options={enterpriseTags.map((v) => ({ value: v, label: v }))} style={{ width: 180 }} />;
      case 'industry':
        return <Select mode="tags" style={{ minWidth: 220 }} placeholder={t('policies.industryHint')} />;
      case 'subPark':
        return <Select mode="multiple" options={subParks} style={{ minWidth: 220 }} />;
      case 'landMu':
      case 'establishedYears':
        return <InputNumber min={0} style={{ width: 120 }} />;
      default:
        return <Input disabled style={{ width: 160 }} />;
    }
  })();
  return (
    <Space align="baseline" wrap>
      <Form.Item name={[name, 'field']} rules={[{ required: true }]}>
        <Select options={fields} style={{ width: 150 }} aria-label={t('policies.fieldLabel')} />
      </Form.Item>
      <Form.Item name={[name, 'op']} rules={[{ required: true }]}>
        <Select
          style={{ width: 110 }}
          aria-label={t('policies.opLabel')}
          options={(field ? OPS[field] : []).map((o) => ({ value: o, label: t(`policies.op.${o}`) }))}
        />
      </Form.Item>
      <Form.Item name={[name, 'value']} rules={[{ required: true }]}>
        {valueInput}
      </Form.Item>
      <Button icon={<DeleteOutlined />} onClick={remove} aria-label={t('common.delete')} />
    </Space>
  );
}

/** Draft a policy: title, mode (apply / 免申即享), amount, and the eligibility rules as structured conditions. */
export function PolicyFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const modes = useEnumOptions(policyModes, 'policies.mode');
  const rows = (Form.useWatch('all', form) ?? []) as Row[];
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post(POLICIES, v),
    onSuccess: () => {
      message.success(t('policies.saved'));
      client.invalidateQueries({ queryKey: [POLICIES] });
      form.resetFields();
      onClose();
    },
    onError: (e) => {
      if (!applyServerErrors(form, e)) message.error((e as Error).message);
    },
  });
  const submit = (v: {
    title: string;
    summary?: string;
    issuer?: string;
    mode: string;
    amount?: string;
    all?: Row[];
  }) =>
    save.mutate({
      title: v.title,
      summary: v.summary ?? '',
      issuer: v.issuer ?? '',
      mode: v.mode,
      amountFen: toFen(v.amount),
      rules: { all: (v.all ?? []) as PolicyCondition[] },
    });
  return (
    <Modal
      open={open}
      title={t('policies.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={760}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ mode: 'apply', all: [] }}>
        <Form.Item name="title" label={t('policies.titleLabel')} rules={[{ required: true, min: 4 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="issuer" label={t('policies.issuer')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="mode" label={t('policies.modeLabel')} rules={[{ required: true }]}>
            <Select options={modes} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item
            name="amount"
            label={t('policies.amount')}
            rules={[{ pattern: /^\d+(\.\d{1,2})?$/, message: t('policies.amountHint') }]}
          >
            <Input addonBefore="¥" style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Form.Item name="summary" label={t('policies.summary')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item label={t('policies.rules')} extra={t('policies.rulesHint')}>
          <Form.List name="all">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <ConditionRow key={f.key} name={f.name} remove={() => remove(f.name)} field={rows[f.name]?.field} />
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('policies.addCondition')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Modal>
  );
}
