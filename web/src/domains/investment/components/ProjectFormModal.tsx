import { type PipelineProject, projectTypes } from '@shared/investment';
import { Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { useEnumOptions } from '../../../shared/format';
import { useSubParkOptions } from '../../enterprises/api';
import { useTeams, wanToFen } from '../api';

export interface ProjectFormValues {
  name: string;
  type: (typeof projectTypes)[number];
  investor?: string;
  sourceRegion?: string;
  teamId?: string | null;
  subParkId?: string | null;
  agreedWan?: number;
  outsideWan?: number;
  abroadUsd?: number;
  usdRate?: string;
  flags?: string[];
  plan?: string;
}

/** The request body of POST/PUT /api/investment/projects from the form (万元 → fen, USD → cents). */
export function toInput(v: ProjectFormValues) {
  const flags = new Set(v.flags ?? []);
  return {
    name: v.name,
    type: v.type,
    investor: v.investor ?? '',
    sourceRegion: v.sourceRegion ?? '',
    teamId: v.teamId ?? null,
    subParkId: v.subParkId ?? null,
    agreedInvestmentFen: wanToFen(v.agreedWan),
    fundsOutsideProvinceFen: wanToFen(v.outsideWan),
    fundsAbroadUsdCents: v.abroadUsd ? Math.round(v.abroadUsd * 100) : 0,
    usdRate: v.usdRate ? v.usdRate : null,
    fortune500: flags.has('fortune500'),
    listed: flags.has('listed'),
    xiangshangReturn: flags.has('xiangshangReturn'),
    plan: v.plan ?? '',
  };
}

export function toValues(p: PipelineProject): ProjectFormValues {
  return {
    name: p.name,
    type: p.type,
    investor: p.investor,
    sourceRegion: p.sourceRegion,
    teamId: p.teamId,
    subParkId: p.subParkId,
    agreedWan: p.agreedInvestmentFen / 1_000_000,
    outsideWan: p.fundsOutsideProvinceFen / 1_000_000,
    abroadUsd: p.fundsAbroadUsdCents / 100,
    usdRate: p.usdRate ?? undefined,
    flags: (['fortune500', 'listed', 'xiangshangReturn'] as const).filter((f) => p[f]),
    plan: p.plan,
  };
}

interface Props {
  open: boolean;
  editing: PipelineProject | null;
  form: ReturnType<typeof Form.useForm<ProjectFormValues>>[0];
  onClose: () => void;
  onSubmit: (v: ProjectFormValues) => Promise<unknown>;
}

export function ProjectFormModal({ open, editing, form, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  const types = useEnumOptions(projectTypes, 'investment.type');
  const parks = useSubParkOptions(open);
  const teams = useTeams();
  return (
    <EntityFormModal<ProjectFormValues>
      name="pipeline"
      open={open}
      title={editing ? t('investment.editProject') : t('investment.newProject')}
      form={form}
      width={720}
      initialValues={editing ? toValues(editing) : { type: 'industrial', flags: [] }}
      onClose={onClose}
      onSubmit={onSubmit}
    >
      <Row gutter={12}>
        <Col span={16}>
          <Form.Item name="name" label={t('investment.name')} rules={[{ required: true, min: 2, max: 100 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="type" label={t('investment.typeLabel')} rules={[{ required: true }]}>
            <Select options={types} disabled={Boolean(editing)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="investor" label={t('investment.investor')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="sourceRegion" label={t('investment.sourceRegion')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="teamId" label={t('investment.team')}>
            <Select allowClear options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="subParkId" label={t('investment.subPark')}>
            <Select allowClear options={parks.options} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="agreedWan" label={t('investment.agreedWan')}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="outsideWan" label={t('investment.outsideWan')}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="abroadUsd" label={t('investment.abroadUsd')}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="usdRate" label={t('investment.usdRate')}>
            <Input placeholder="7.1000" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="flags" label={t('investment.flags')}>
        <Checkbox.Group
          options={(['fortune500', 'listed', 'xiangshangReturn'] as const).map((f) => ({
            value: f,
            label: t(`investment.flag.${f}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="plan" label={t('investment.plan')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </EntityFormModal>
  );
}
