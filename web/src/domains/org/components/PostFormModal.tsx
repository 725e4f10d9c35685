import { type Post, type PostInput, postInputSchema } from '@shared/org';
import { Col, Form, type FormInstance, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { useZodFields } from '../../../shared/validation';
import { useDepartmentOptions } from '../api';

interface Props {
  open: boolean;
  editing: Post | null;
  form: FormInstance<PostInput>;
  onClose: () => void;
  onSubmit: (values: PostInput) => Promise<unknown>;
}

export function PostFormModal({ open, editing, form, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  const field = useZodFields(postInputSchema);
  const departments = useDepartmentOptions(undefined, open);
  return (
    <EntityFormModal<PostInput>
      name="post"
      open={open}
      form={form}
      title={editing ? t('org.post.editTitle') : t('org.post.createTitle')}
      initialValues={editing ?? { coefficient: 1, headcount: 1 }}
      onClose={onClose}
      onSubmit={onSubmit}
    >
      <Form.Item label={t('org.post.department')} {...field('departmentId')}>
        <Select
          options={departments.options}
          loading={departments.loading}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('common.pleaseSelect')}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={14}>
          <Form.Item label={t('org.post.name')} {...field('name')}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item label={t('org.post.grade')} {...field('grade')}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('org.post.coefficient')} {...field('coefficient')}>
            <InputNumber min={0.1} max={10} step={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('org.post.headcount')} {...field('headcount')}>
            <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </EntityFormModal>
  );
}
