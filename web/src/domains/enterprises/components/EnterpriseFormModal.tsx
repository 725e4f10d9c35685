import {
  type Enterprise,
  type EnterpriseInput,
  enterpriseInputSchema,
  enterpriseScales,
  enterpriseStatuses,
  enterpriseTags,
} from '@shared/enterprises';
import { Col, DatePicker, Form, type FormInstance, Input, InputNumber, Radio, Row, Select, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { useEnumOptions } from '../../../shared/format';
import { useZodFields } from '../../../shared/validation';
import { useIndustryTree, useOfficerOptions, useSubParkOptions } from '../api';
import { ContactsField } from './ContactsField';
import { creditCodeRule } from './creditCodeRule';
import { industryTreeData } from './industry';

interface Props {
  open: boolean;
  editing: Enterprise | null;
  form: FormInstance<EnterpriseInput>;
  onClose: () => void;
  onSubmit: (values: EnterpriseInput) => Promise<unknown>;
}

const DEFAULTS: Partial<EnterpriseInput> = {
  scale: 'below',
  status: 'operating',
  tags: [],
  contacts: [],
  subParkId: null,
  serviceOfficerId: null,
  landMu: null,
  buildingM2: null,
  establishedOn: null,
  legalRep: '',
};

/** Create/edit an enterprise: credit code checked as the server does, industry from the GB/T 4754 tree. */
export function EnterpriseFormModal({ open, editing, form, onClose, onSubmit }: Props) {
  const { t, i18n } = useTranslation();
  const field = useZodFields(enterpriseInputSchema);
  const industries = useIndustryTree();
  const parks = useSubParkOptions(open);
  const officers = useOfficerOptions(open);
  const scaleOptions = useEnumOptions(enterpriseScales, 'enums.enterpriseScale');
  const statusOptions = useEnumOptions(enterpriseStatuses, 'enums.enterpriseStatus');
  const tagOptions = useEnumOptions(enterpriseTags, 'enums.enterpriseTag');

  return (
    <EntityFormModal<EnterpriseInput>
      name="enterprise"
      open={open}
      form={form}
      title={editing ? t('enterprises.editTitle') : t('enterprises.createTitle')}
      initialValues={editing ?? DEFAULTS}
      onClose={onClose}
      onSubmit={onSubmit}
      width={760}
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('enterprises.creditCode')}
            name="creditCode"
            required
            rules={[creditCodeRule(t, i18n.language)]}
            normalize={(v?: string) => v?.toUpperCase()}
            extra={t('enterprises.creditCodeHelp')}
          >
            <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('enterprises.name')} {...field('name')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('enterprises.industry')} {...field('industryCode')}>
            <TreeSelect
              treeData={industryTreeData(industries.data)}
              loading={industries.isFetching}
              showSearch
              treeNodeFilterProp="title"
              placeholder={t('common.pleaseSelect')}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('enterprises.subPark')} {...field('subParkId')}>
            <Select options={parks.options} loading={parks.loading} allowClear placeholder={t('common.pleaseSelect')} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('enterprises.scale')} {...field('scale')}>
            <Radio.Group options={scaleOptions} optionType="button" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('enterprises.status')} {...field('status')}>
            <Select options={statusOptions} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('enterprises.tags')} {...field('tags')}>
        <Select mode="multiple" options={tagOptions} allowClear placeholder={t('common.pleaseSelect')} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item label={t('enterprises.landMu')} {...field('landMu')}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item label={t('enterprises.buildingM2')} {...field('buildingM2')}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            label={t('enterprises.establishedOn')}
            {...field('establishedOn')}
            getValueProps={(v?: string | null) => ({ value: v ? dayjs(v) : null })}
            normalize={(d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('enterprises.legalRep')} {...field('legalRep')}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('enterprises.serviceOfficer')} {...field('serviceOfficerId')}>
            <Select
              options={officers.options}
              loading={officers.loading}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('common.pleaseSelect')}
            />
          </Form.Item>
        </Col>
      </Row>
      <ContactsField />
    </EntityFormModal>
  );
}
