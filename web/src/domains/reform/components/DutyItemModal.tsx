import { type DutyItem, type DutyItemInput, dutyItemInputSchema, dutyLists, receiverKinds } from '@shared/reform-lists';
import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { useEnumOptions } from '../../../shared/format';
import { useZodFields } from '../../../shared/validation';
import { useDistrictDepartments } from '../api';

const dateProps = {
  getValueProps: (v?: string | null) => ({ value: v ? dayjs(v) : null }),
  normalize: (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

/** One entry of the 职责清单 / 剥离社会事务清单 / 边界清单; the fields shown follow the list chosen. */
export function DutyItemModal(props: {
  open: boolean;
  editing: DutyItem | null;
  list: DutyItemInput['list'];
  onClose: () => void;
  onSubmit: (v: DutyItemInput) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DutyItemInput>();
  const field = useZodFields(dutyItemInputSchema);
  const lists = useEnumOptions(dutyLists, 'reform.lists.list');
  const kinds = useEnumOptions(receiverKinds, 'reform.lists.receiverKind');
  const depts = useDistrictDepartments();
  const list = Form.useWatch('list', form) ?? props.editing?.list ?? props.list;
  return (
    <EntityFormModal<DutyItemInput>
      name="dutyItem"
      open={props.open}
      form={form}
      width={720}
      title={props.editing ? t('reform.lists.edit') : t('reform.lists.create')}
      initialValues={props.editing ?? { list: props.list, effectiveOn: dayjs().format('YYYY-MM-DD') }}
      onClose={props.onClose}
      onSubmit={props.onSubmit}
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item label={t('reform.lists.listLabel')} {...field('list')}>
            <Select options={lists} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('reform.lists.code')} {...field('code')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('reform.lists.area')} {...field('area')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label={t('reform.lists.name')} {...field('name')}>
            <Input />
          </Form.Item>
        </Col>
        {list === 'stripped' && (
          <>
            <Col span={8}>
              <Form.Item label={t('reform.lists.receiverKindLabel')} {...field('receiverKind')}>
                <Select options={kinds} />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item label={t('reform.lists.receivingBody')} {...field('receivingBody')}>
                <Input />
              </Form.Item>
            </Col>
          </>
        )}
        {list === 'boundary' && (
          <>
            <Col span={24}>
              <Form.Item label={t('reform.lists.districtDepartment')} {...field('districtDepartmentId')}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={(depts.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t('reform.lists.zoneDuty')} {...field('zoneDuty')}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t('reform.lists.districtDuty')} {...field('districtDuty')}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t('reform.lists.platformDuty')} {...field('platformDuty')}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </Col>
          </>
        )}
        <Col span={24}>
          <Form.Item label={t('reform.lists.detail')} {...field('detail')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('reform.lists.effectiveOn')} {...field('effectiveOn')} {...dateProps}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('reform.lists.retiredOn')} {...field('retiredOn')} {...dateProps}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </EntityFormModal>
  );
}
