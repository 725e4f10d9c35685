import { type ReformTask, type ReformTaskInput, reformTaskInputSchema, taskStatuses } from '@shared/reform';
import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { useEnumOptions } from '../../../shared/format';
import { useZodFields } from '../../../shared/validation';

const dateProps = {
  getValueProps: (v?: string | null) => ({ value: v ? dayjs(v) : null }),
  normalize: (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

/** One reform task; done needs a completion date and evidence (the server checks the same rule). */
export function TaskModal(props: {
  open: boolean;
  editing: ReformTask | null;
  onClose: () => void;
  onSubmit: (v: ReformTaskInput) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReformTaskInput>();
  // Field rules from the shared schema; the done ⇒ date + evidence rule comes back from the server as field errors.
  const field = useZodFields(reformTaskInputSchema);
  const statuses = useEnumOptions(taskStatuses, 'reform.taskStatus');
  return (
    <EntityFormModal<ReformTaskInput>
      name="reformTask"
      open={props.open}
      form={form}
      width={640}
      title={props.editing ? t('reform.task.edit') : t('reform.task.create')}
      initialValues={props.editing ?? { status: 'not_started' }}
      onClose={props.onClose}
      onSubmit={props.onSubmit}
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item label={t('reform.task.code')} {...field('code')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item label={t('reform.task.title')} {...field('title')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('reform.task.workGroup')} {...field('workGroup')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('reform.task.owner')} {...field('owner')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('reform.task.deadline')} {...field('deadline')} {...dateProps}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('reform.task.status')} {...field('status')}>
            <Select options={statuses} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('reform.task.completedOn')} {...field('completedOn')} {...dateProps}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label={t('reform.task.evidence')} {...field('evidence')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Col>
      </Row>
    </EntityFormModal>
  );
}
