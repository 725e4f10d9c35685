import {
  type Department,
  type DepartmentInput,
  departmentClasses,
  departmentInputSchema,
  departmentKinds,
} from '@shared/org';
import { Col, Form, type FormInstance, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { useEnumOptions } from '../../../shared/format';
import { useZodFields } from '../../../shared/validation';

interface Props {
  open: boolean;
  editing: Department | null;
  form: FormInstance<DepartmentInput>;
  onClose: () => void;
  onSubmit: (values: DepartmentInput) => Promise<unknown>;
}

const DEFAULTS: Partial<DepartmentInput> = { kind: 'internal', coefficient: 1, establishment: 0, active: true };

export function DepartmentFormModal({ open, editing, form, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  const field = useZodFields(departmentInputSchema);
  const classOptions = useEnumOptions(departmentClasses, 'enums.deptClass');
  const kindOptions = useEnumOptions(departmentKinds, 'enums.deptKind');
  return (
    <EntityFormModal<DepartmentInput>
      name="department"
      open={open}
      form={form}
      title={editing ? t('org.department.editTitle') : t('org.department.createTitle')}
      initialValues={editing ?? DEFAULTS}
      onClose={onClose}
      onSubmit={onSubmit}
      width={640}
    >
      <Row gutter={16}>
        <Col xs={24} sm={10}>
          <Form.Item label={t('org.department.code')} {...field('code')} tooltip={t('org.department.codeHelp')}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item label={t('org.department.name')} {...field('name')}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('org.department.nameEn')} {...field('nameEn')}>
        <Input maxLength={120} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('org.department.kind')} {...field('kind')}>
            <Select options={kindOptions} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('org.department.class')} {...field('class')}>
            <Select options={classOptions} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('org.department.coefficient')} {...field('coefficient')}>
            <InputNumber min={0.1} max={10} step={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('org.department.establishment')} {...field('establishment')}>
            <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('org.department.description')} {...field('description')}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
      <Form.Item label={t('org.department.active')} {...field('active')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </EntityFormModal>
  );
}
