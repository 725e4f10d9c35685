import {
  archiveRanks,
  establishmentTypes,
  type Staff,
  type StaffInput,
  staffInputSchema,
  staffStatuses,
} from '@shared/org';
import { Col, DatePicker, Form, type FormInstance, Input, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { useEnumOptions } from '../../../shared/format';
import { useZodFields } from '../../../shared/validation';
import { useDepartmentOptions, usePostOptions } from '../api';

interface Props {
  open: boolean;
  editing: Staff | null;
  form: FormInstance<StaffInput>;
  onClose: () => void;
  onSubmit: (values: StaffInput) => Promise<unknown>;
}

const GENDERS = ['M', 'F'] as const;
const DEFAULTS: Partial<StaffInput> = { gender: 'M', status: 'active', postId: null, phone: '', hiredOn: null };

export function StaffFormModal({ open, editing, form, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  const field = useZodFields(staffInputSchema);
  const departments = useDepartmentOptions(undefined, open);
  const departmentId = Form.useWatch('departmentId', form);
  const posts = usePostOptions(open ? departmentId : null);
  const establishmentOptions = useEnumOptions(establishmentTypes, 'enums.establishment');
  const rankOptions = useEnumOptions(archiveRanks, 'enums.archiveRank');
  const statusOptions = useEnumOptions(staffStatuses, 'enums.staffStatus');
  const genderOptions = useEnumOptions(GENDERS, 'enums.gender');

  return (
    <EntityFormModal<StaffInput>
      name="staff"
      open={open}
      form={form}
      title={editing ? t('org.staff.editTitle') : t('org.staff.createTitle')}
      initialValues={editing ?? DEFAULTS}
      onClose={onClose}
      onSubmit={onSubmit}
      width={680}
      onValuesChange={(changed) => {
        // The appointed post belongs to a department: choosing another department clears it.
        if ('departmentId' in changed) form.setFieldValue('postId', null);
      }}
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('org.staff.employeeNo')} {...field('employeeNo')}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('org.staff.name')} {...field('name')}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('org.staff.gender')} {...field('gender')}>
            <Radio.Group options={genderOptions} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('org.staff.status')} {...field('status')}>
            <Select options={statusOptions} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('org.staff.department')} {...field('departmentId')}>
            <Select
              options={departments.options}
              loading={departments.loading}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('common.pleaseSelect')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('org.staff.post')} {...field('postId')} extra={t('org.staff.postHelp')}>
            <Select
              options={posts.options}
              loading={posts.loading}
              disabled={!departmentId}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={departmentId ? t('org.staff.noPost') : t('org.staff.chooseDepartmentFirst')}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('org.staff.archiveRank')}
            {...field('archiveRank')}
            extra={t('org.staff.archiveRankHelp')}
          >
            <Select options={rankOptions} placeholder={t('common.pleaseSelect')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('org.staff.establishmentType')} {...field('establishmentType')}>
            <Select options={establishmentOptions} placeholder={t('common.pleaseSelect')} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('org.staff.phone')} {...field('phone')}>
            <Input maxLength={11} inputMode="tel" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('org.staff.hiredOn')}
            {...field('hiredOn')}
            getValueProps={(v?: string | null) => ({ value: v ? dayjs(v) : null })}
            normalize={(d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </EntityFormModal>
  );
}
