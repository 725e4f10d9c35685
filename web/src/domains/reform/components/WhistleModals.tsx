import { type WhistleInput, whistleCloseSchema, whistleInputSchema, whistleRespondSchema } from '@shared/reform';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { formatZoneDate } from '../../../shared/format';
import { useZodFields } from '../../../shared/validation';
import { useDistrictDepartments } from '../api';

const dateProps = {
  getValueProps: (v?: string | null) => ({ value: v ? dayjs(v) : null }),
  normalize: (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

/** The China-time date of today. */
export const todayIso = () => formatZoneDate(new Date().toISOString());

/** Each modal owns its form; the parent keys it per opening so one row's typed values never reach another. */
interface ModalProps<V> {
  open: boolean;
  onClose: () => void;
  onSubmit: (values: V) => Promise<unknown>;
}

/** 吹哨: a matter to a district department; the deadline is computed by the server from the working-day calendar. */
export function WhistleFormModal(props: ModalProps<WhistleInput>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<WhistleInput>();
  const field = useZodFields(whistleInputSchema);
  const depts = useDistrictDepartments();
  return (
    <EntityFormModal<WhistleInput>
      name="whistle"
      title={t('reform.whistle.raise')}
      initialValues={{ raisedOn: todayIso(), responseDays: null }}
      form={form}
      {...props}
    >
      <Form.Item label={t('reform.whistle.title')} {...field('title')}>
        <Input />
      </Form.Item>
      <Form.Item label={t('reform.whistle.department')} {...field('departmentId')}>
        <Select
          loading={depts.isLoading}
          options={(depts.data ?? []).map((d) => ({
            value: d.id,
            label: `${d.name}（${t('reform.whistle.daysShort', { days: d.responseDays })}）`,
          }))}
        />
      </Form.Item>
      <Form.Item label={t('reform.whistle.raisedOn')} {...field('raisedOn')} {...dateProps}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        label={t('reform.whistle.responseDays')}
        {...field('responseDays')}
        extra={t('reform.whistle.responseDaysHelp')}
      >
        <InputNumber min={1} max={60} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('reform.whistle.detail')} {...field('detail')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </EntityFormModal>
  );
}

type Respond = { respondedOn: string; response: string };
export function RespondModal(props: ModalProps<Respond>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Respond>();
  const field = useZodFields(whistleRespondSchema);
  return (
    <EntityFormModal<Respond>
      name="respond"
      title={t('reform.whistle.respond')}
      initialValues={{ respondedOn: todayIso() }}
      form={form}
      {...props}
    >
      <Form.Item label={t('reform.whistle.respondedOn')} {...field('respondedOn')} {...dateProps}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('reform.whistle.response')} {...field('response')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </EntityFormModal>
  );
}

type Close = { closedOn: string; closureNote: string };
export function CloseModal(props: ModalProps<Close>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Close>();
  const field = useZodFields(whistleCloseSchema);
  return (
    <EntityFormModal<Close>
      name="close"
      title={t('reform.whistle.close')}
      initialValues={{ closedOn: todayIso() }}
      form={form}
      {...props}
    >
      <Form.Item label={t('reform.whistle.closedOn')} {...field('closedOn')} {...dateProps}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('reform.whistle.closureNote')} {...field('closureNote')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </EntityFormModal>
  );
}
