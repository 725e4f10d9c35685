import {
  type AuthorityItem,
  type AuthorityItemInput,
  authorityHandlings,
  authorityItemInputSchema,
  authorityModes,
  authoritySources,
} from '@shared/reform';
import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { useEnumOptions } from '../../../shared/format';
import { useZodFields } from '../../../shared/validation';

interface Props {
  open: boolean;
  editing: AuthorityItem | null;
  onClose: () => void;
  onSubmit: (values: AuthorityItemInput) => Promise<unknown>;
}

const DEFAULTS: Partial<AuthorityItemInput> = { source: 'empowered', mode: 'direct', handling: 'full' };

/** One power of a draft authority list. */
export function AuthorityItemModal({ open, editing, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  // A form of its own per opening (the parent keys this component): values typed for one item never leak
  // into the next one.
  const [form] = Form.useForm<AuthorityItemInput>();
  const field = useZodFields(authorityItemInputSchema);
  const sources = useEnumOptions(authoritySources, 'reform.source');
  const modes = useEnumOptions(authorityModes, 'reform.mode');
  const handlings = useEnumOptions(authorityHandlings, 'reform.handling');
  return (
    <EntityFormModal<AuthorityItemInput>
      name="authorityItem"
      open={open}
      form={form}
      title={editing ? t('reform.authority.editItem') : t('reform.authority.addItem')}
      initialValues={editing ?? DEFAULTS}
      onClose={onClose}
      onSubmit={onSubmit}
      width={640}
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item label={t('reform.authority.code')} {...field('code')} normalize={(v?: string) => v?.toUpperCase()}>
            <Input style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item label={t('reform.authority.name')} {...field('name')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('reform.authority.source')} {...field('source')}>
            <Select options={sources} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('reform.authority.mode')} {...field('mode')}>
            <Select options={modes} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('reform.authority.handling')} {...field('handling')}>
            <Select options={handlings} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('reform.authority.category')} {...field('category')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('reform.authority.grantingDept')} {...field('grantingDept')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label={t('reform.authority.legalBasis')} {...field('legalBasis')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label={t('reform.note')} {...field('note')}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
    </EntityFormModal>
  );
}
