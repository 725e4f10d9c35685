import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { approvalModes, type Item, type ItemInput, itemInputSchema, itemTypes, limitUnits } from '@shared/approval';
import { Button, Checkbox, Col, Form, type FormInstance, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { useZodFields } from '../../../shared/validation';
import { useAuthorityOptions, useDepartmentOptions } from '../api';

interface Props {
  open: boolean;
  editing: Item | null;
  form: FormInstance<ItemInput>;
  onClose: () => void;
  onSubmit: (values: ItemInput) => Promise<unknown>;
}

const DEFAULTS: Partial<ItemInput> = {
  type: 'license',
  stage: null,
  limitUnit: 'workday',
  modes: [],
  materials: [{ code: 'sqb', name: '申请表', required: true, mayFollow: false }],
  prerequisiteCodes: [],
  fees: [],
  online: true,
  active: true,
  authorityItemCode: null,
};

/** 事项: every field of DOMAIN.md §2; committed ≤ statutory checked here and on the server. */
export function ItemFormModal({ open, editing, form, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  const field = useZodFields(itemInputSchema);
  const departments = useDepartmentOptions(open);
  const powers = useAuthorityOptions(open);
  const opt = <T extends string>(values: readonly T[], prefix: string) =>
    values.map((v) => ({ value: v, label: t(`approval.${prefix}.${v}`) }));
  return (
    <EntityFormModal<ItemInput>
      name="approvalItem"
      open={open}
      form={form}
      width={760}
      title={editing ? t('approval.editItem') : t('approval.createItem')}
      initialValues={editing ?? DEFAULTS}
      onClose={onClose}
      onSubmit={onSubmit}
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item label={t('approval.code')} {...field('code')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item label={t('approval.name')} {...field('name')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('approval.type')} {...field('type')}>
            <Select options={opt(itemTypes, 'types')} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('approval.stage')} {...field('stage')}>
            <Select
              allowClear
              options={[1, 2, 3, 4].map((s) => ({ value: s, label: `${s} ${t(`approval.stages.${s}`)}` }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('approval.leadDepartment')} {...field('leadDepartmentId')}>
            <Select
              showSearch
              optionFilterProp="label"
              options={departments.data ?? []}
              loading={departments.isFetching}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label={t('approval.statutoryDays')} {...field('statutoryDays')}>
            <InputNumber min={1} max={365} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            label={t('approval.committedDays')}
            {...field('committedDays', {
              extra: [
                ({ getFieldValue }) => ({
                  validator: (_, v: number | undefined) =>
                    v === undefined || v === null || v <= (getFieldValue('statutoryDays') ?? Number.POSITIVE_INFINITY)
                      ? Promise.resolve()
                      : Promise.reject(new Error(`${t('approval.committedDays')} ≤ ${t('approval.statutoryDays')}`)),
                }),
              ],
            })}
            dependencies={['statutoryDays']}
          >
            <InputNumber min={1} max={365} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label={t('approval.limitUnit')} {...field('limitUnit')}>
            <Select options={opt(limitUnits, 'units')} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label={t('approval.online')} name="online" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('approval.modes')} {...field('modes')}>
            <Checkbox.Group options={opt(approvalModes, 'modeNames')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label={t('approval.authorityItemCode')}
            extra={t('approval.authorityPick')}
            {...field('authorityItemCode')}
          >
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('approval.authorityNone')}
              loading={powers.isFetching}
              options={(powers.data ?? []).map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }))}
              onClear={() => form.setFieldValue('authorityItemCode', null)}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('approval.materials')} required>
        <Form.List name="materials">
          {(fields, { add, remove }) => (
            <>
              {fields.map(({ key, name }) => (
                <Space key={key} align="baseline" wrap>
                  <Form.Item name={[name, 'code']} rules={[{ required: true }]}>
                    <Input placeholder={t('approval.materialCode')} style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'name']} rules={[{ required: true }]}>
                    <Input placeholder={t('approval.materialName')} style={{ width: 240 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'required']} valuePropName="checked" initialValue>
                    <Checkbox>{t('approval.required')}</Checkbox>
                  </Form.Item>
                  <Form.Item name={[name, 'mayFollow']} valuePropName="checked" initialValue={false}>
                    <Checkbox>{t('approval.mayFollow')}</Checkbox>
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(name)} aria-label={t('common.delete')} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ required: true, mayFollow: false })}>
                {t('approval.addMaterial')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label={t('approval.fees')}>
        <Form.List name="fees">
          {(fields, { add, remove }) => (
            <>
              {fields.map(({ key, name }) => (
                <Space key={key} align="baseline">
                  <Form.Item name={[name, 'name']} rules={[{ required: true }]}>
                    <Input placeholder={t('approval.feeName')} />
                  </Form.Item>
                  <Form.Item name={[name, 'amountFen']} rules={[{ required: true }]}>
                    <InputNumber min={0} placeholder="分 / fen" />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(name)} aria-label={t('common.delete')} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                {t('approval.addFee')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label={t('approval.prerequisites')} {...field('prerequisiteCodes')}>
        <Select mode="tags" />
      </Form.Item>
      <Form.Item label={t('approval.active')} name="active" valuePropName="checked">
        <Switch />
      </Form.Item>
    </EntityFormModal>
  );
}
