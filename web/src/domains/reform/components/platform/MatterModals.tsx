import { type Matter, type MatterInput, matterCategories, matterInputSchema } from '@shared/reform-platform';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EntityFormModal } from '../../../../shared/components/EntityFormModal';
import { useEnumOptions } from '../../../../shared/format';
import { useZodFields } from '../../../../shared/validation';
import { dateProps } from './format';
import { CodeTitleItems, PlatformFormModal } from './PlatformFormModal';
import type { PlatformCrud } from './PlatformListTab';

/** A major matter while it is a draft: what, which category, which company, how much. */
export function MatterModal({ crud }: { crud: PlatformCrud<Matter, MatterInput> }) {
  const { t } = useTranslation();
  const field = useZodFields(matterInputSchema);
  const categories = useEnumOptions(matterCategories, 'reform.platform.category');
  return (
    <PlatformFormModal
      crud={crud}
      name="platformMatter"
      title={t(crud.editing ? 'reform.platform.editMatter' : 'reform.platform.newMatter')}
      initialValues={{}}
    >
      <CodeTitleItems field={field} />
      <Form.Item label={t('reform.platform.categoryLabel')} {...field('category')}>
        <Select options={categories} />
      </Form.Item>
      <Form.Item label={t('reform.platform.company')} {...field('company')}>
        <Input />
      </Form.Item>
      <Form.Item label={t('reform.platform.amountFen')} {...field('amountFen')}>
        <InputNumber style={{ width: '100%' }} min={0} precision={0} />
      </Form.Item>
      <Form.Item label={t('reform.platform.detail')} {...field('detail')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </PlatformFormModal>
  );
}

/** The committee's decision on a submitted matter: outcome, date (not before submission), meeting, opinion. */
export interface DecisionValues {
  outcome: 'approved' | 'rejected';
  decidedOn: string;
  meeting: string;
  decisionNote: string;
}
export function DecisionModal(props: {
  matter: Matter | null;
  onClose: () => void;
  onSubmit: (v: DecisionValues) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DecisionValues>();
  return (
    <EntityFormModal<DecisionValues>
      name="platformDecision"
      open={props.matter !== null}
      form={form}
      title={`${t('reform.platform.decide')}：${props.matter?.title ?? ''}`}
      initialValues={{ outcome: 'approved', decidedOn: dayjs().format('YYYY-MM-DD') }}
      onClose={props.onClose}
      onSubmit={props.onSubmit}
    >
      <Form.Item name="outcome" label={t('reform.platform.outcome')} rules={[{ required: true }]}>
        <Select
          options={[
            { value: 'approved', label: t('reform.platform.status.approved') },
            { value: 'rejected', label: t('reform.platform.status.rejected') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="decidedOn"
        label={t('reform.platform.decidedOn')}
        rules={[{ required: true, message: t('validation.required') }]}
        {...dateProps}
      >
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) => Boolean(props.matter?.submittedOn && d.isBefore(dayjs(props.matter.submittedOn), 'day'))}
        />
      </Form.Item>
      <Form.Item name="meeting" label={t('reform.platform.meeting')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="decisionNote" label={t('reform.platform.decisionNote')} rules={[{ required: true }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </EntityFormModal>
  );
}
