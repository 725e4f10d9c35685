import { type OrgSnapshotInput, orgMetrics, orgSnapshotInputSchema } from '@shared/reform';
import { Col, DatePicker, Form, InputNumber, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { useZodFields } from '../../../shared/validation';

/** Yuan text with up to two decimals → whole fen, without floating-point arithmetic. */
export function yuanToFen(text: string | number | null | undefined): number | null {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(text ?? '').trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
export function fenToYuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

interface Props {
  open: boolean;
  phase: 'before' | 'after';
  initial: OrgSnapshotInput | null;
  onClose: () => void;
  onSubmit: (values: OrgSnapshotInput) => Promise<unknown>;
}

/** The raw counts of one phase (the rates are computed, never typed in). */
export function OrgSnapshotModal({ open, phase, initial, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<OrgSnapshotInput>();
  const field = useZodFields(orgSnapshotInputSchema);
  return (
    <EntityFormModal<OrgSnapshotInput>
      name={`org-${phase}`}
      open={open}
      form={form}
      width={640}
      title={t(`reform.org.edit.${phase}`)}
      initialValues={initial ?? undefined}
      onClose={onClose}
      onSubmit={onSubmit}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            label={t('reform.org.asOf')}
            {...field('asOf')}
            getValueProps={(v?: string | null) => ({ value: v ? dayjs(v) : null })}
            normalize={(d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label={t('reform.org.yearlyCostYuan')}
            {...field('yearlyCostFen')}
            getValueProps={(v?: number | null) => ({ value: typeof v === 'number' ? fenToYuan(v) : null })}
            normalize={(v?: string | null) => yuanToFen(v)}
          >
            <InputNumber stringMode min="0" precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {orgMetrics.map((m) => (
          <Col span={8} key={m}>
            <Form.Item label={t(`reform.org.metric.${m}`)} {...field(m)}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </EntityFormModal>
  );
}
