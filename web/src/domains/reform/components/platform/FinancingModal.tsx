import {
  type Financing,
  type FinancingInput,
  financingInputSchema,
  financingKinds,
  yearlyInterestSaved,
} from '@shared/reform-platform';
import { useQuery } from '@tanstack/react-query';
import { Alert, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../../../shared/api';
import { useEnumOptions } from '../../../../shared/format';
import { useZodFields } from '../../../../shared/validation';
import { FINANCING } from '../../api';
import { dateProps, rate, wan, yuan } from './format';
import { PlatformFormModal } from './PlatformFormModal';
import type { PlatformCrud } from './PlatformListTab';

/** Yuan typed (≤ 2 decimals) ↔ fen stored; a percentage typed (≤ 2 decimals) ↔ basis points stored. */
const fenProps = {
  getValueProps: (v?: number | null) => ({ value: typeof v === 'number' ? v / 100 : null }),
  normalize: (v?: number | null) => (typeof v === 'number' ? Math.round(v * 100) : null),
};
const bpProps = fenProps;

/**
 * A financing record: lender, principal, rate, dates; a refinancing (置换) picks the record it replaces, whose rate
 * is the old rate, and the yearly interest saved is computed as the server does (principal × (old − new rate)).
 */
export function FinancingModal({ crud }: { crud: PlatformCrud<Financing, FinancingInput> }) {
  const { t } = useTranslation();
  const field = useZodFields(financingInputSchema);
  const kinds = useEnumOptions(financingKinds, 'reform.platform.financingKind');
  const editing = crud.editing;
  // records that can still be refinanced (plus the one this record already replaces), never this record itself
  const candidates = useQuery({
    queryKey: [FINANCING, 'candidates'],
    queryFn: ({ signal }) =>
      api.get<Page<Financing>>(FINANCING, {
        query: { outstanding: 'true', pageSize: 500, sortField: 'code', sortOrder: 'ascend' },
        signal,
      }),
    enabled: crud.open,
  });
  const options = (candidates.data?.data ?? []).filter((r) => r.id !== editing?.id);
  if (editing?.replacesId && !options.some((r) => r.id === editing.replacesId))
    options.unshift({
      id: editing.replacesId,
      code: editing.replacesCode ?? '',
      rateBp: editing.replacedRateBp ?? 0,
      lender: '',
    } as Financing);
  const principalFen = Form.useWatch('principalFen', crud.form) as number | null | undefined;
  const rateBp = Form.useWatch('rateBp', crud.form) as number | null | undefined;
  const replacesId = Form.useWatch('replacesId', crud.form) as string | null | undefined;
  const replaced = options.find((r) => r.id === replacesId);
  const saved =
    replaced && typeof principalFen === 'number' && typeof rateBp === 'number'
      ? yearlyInterestSaved(principalFen, replaced.rateBp, rateBp)
      : null;
  return (
    <PlatformFormModal
      crud={crud}
      name="platformFinancing"
      title={t(editing ? 'reform.platform.editFinancing' : 'reform.platform.newFinancing')}
      initialValues={{ kind: 'bank_loan', replacesId: null }}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label={t('reform.platform.code')} {...field('code')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('reform.platform.financingKindLabel')} {...field('kind')}>
            <Select options={kinds} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('reform.platform.lender')} {...field('lender')}>
        <Input />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label={t('reform.platform.principal')} {...field('principalFen')} {...fenProps}>
            <InputNumber style={{ width: '100%' }} min={0} precision={2} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('reform.platform.ratePercent')} {...field('rateBp')} {...bpProps}>
            <InputNumber style={{ width: '100%' }} min={0} max={100} precision={2} suffix="%" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label={t('reform.platform.startOn')} {...field('startOn')} {...dateProps}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label={t('reform.platform.endOn')}
            {...field('endOn')}
            {...dateProps}
            dependencies={['startOn']}
            rules={[
              ...(field('endOn').rules ?? []),
              ({ getFieldValue }) => ({
                validator: async (_r, v?: string | null) => {
                  const start = getFieldValue('startOn') as string | null;
                  if (v && start && v <= start) throw new Error(t('validation.REFORM_END_BEFORE_START'));
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label={t('reform.platform.replacesLabel')} {...field('replacesId')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('reform.platform.replacesNone')}
              loading={candidates.isLoading}
              options={options.map((r) => ({
                value: r.id,
                label: `${r.code} ${r.lender}（${rate(r.rateBp)}）`.replace(' （', '（'),
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('reform.platform.oldRate')}>
            <Input disabled data-testid="old-rate" value={replaced ? rate(replaced.rateBp) : '—'} />
          </Form.Item>
        </Col>
      </Row>
      <Alert
        type={saved !== null && saved < 0 ? 'warning' : 'info'}
        showIcon
        data-testid="saved-preview"
        message={
          saved === null
            ? t('reform.platform.savedNone')
            : t('reform.platform.savedPreview', { amount: yuan(saved), wan: wan(saved) })
        }
        style={{ marginBottom: 12 }}
      />
      <Form.Item label={t('reform.platform.detail')} {...field('note')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </PlatformFormModal>
  );
}
