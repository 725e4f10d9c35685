import { type Contract, type ContractInput, type PatrolInput, patrolFindings, type ReviewInput } from '@shared/land';
import { Col, Form, type FormInstance, Input, InputNumber, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { FileUpload } from '../../../shared/components/FileUpload';
import { useEnumOptions } from '../../../shared/format';
import { useEnterpriseOptions } from '../api';

const num = (
  name: string,
  label: string,
  opts: { min?: number; max?: number; precision?: number; required?: boolean } = {},
) => (
  <Col xs={24} md={12} key={name}>
    <Form.Item name={name} label={label} rules={opts.required ? [{ required: true }] : []}>
      <InputNumber min={opts.min ?? 0} max={opts.max} precision={opts.precision ?? 2} style={{ width: '100%' }} />
    </Form.Item>
  </Col>
);
const day = (name: string, label: string, required = false, extra?: string) => (
  <Col xs={24} md={12} key={name}>
    <Form.Item name={name} label={label} rules={required ? [{ required: true }] : []} extra={extra}>
      <Input type="date" />
    </Form.Item>
  </Col>
);
const orNull = <T,>(v: T | undefined | '') => (v === undefined || v === '' ? null : v);

/** 标准地合同: commitments, agreed start (the completion and production dates follow from the build periods), progress. */
export function ContractFormModal({
  open,
  form,
  parcelId,
  editing,
  defaultEnterprise,
  onClose,
  onSubmit,
}: {
  open: boolean;
  form: FormInstance<ContractInput>;
  parcelId: string;
  editing: Contract | null;
  defaultEnterprise: { id: string; name: string } | null;
  onClose: () => void;
  onSubmit: (v: ContractInput) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const enterprises = useEnterpriseOptions(q, open);
  const known = editing ? { id: editing.enterpriseId, name: editing.enterpriseName } : defaultEnterprise;
  const initial: Partial<ContractInput> = editing ?? {
    parcelId,
    enterpriseId: defaultEnterprise?.id,
    extensionMonths: 0,
    latePenaltyPermille: 1,
    developedPercent: 0,
    investedPercent: 0,
    governmentCauseDays: 0,
  };
  return (
    <EntityFormModal<ContractInput>
      name="contract"
      open={open}
      form={form}
      width={760}
      title={editing ? t('land.editContract') : t('land.newContract')}
      initialValues={initial}
      onClose={onClose}
      onSubmit={(v) =>
        onSubmit({
          ...v,
          parcelId,
          energyPerOutput: orNull(v.energyPerOutput),
          emission: orNull(v.emission),
          rdShare: orNull(v.rdShare),
          startedOn: orNull(v.startedOn),
          completedOn: orNull(v.completedOn),
          suspendedSince: orNull(v.suspendedSince),
          governmentCause: v.governmentCause ?? '',
        })
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="contractNo" label={t('land.contractNo')} rules={[{ required: true, max: 60 }]}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="enterpriseId" label={t('land.owner')} rules={[{ required: true }]}>
            <Select
              showSearch
              filterOption={false}
              onSearch={setQ}
              options={[
                ...(known ? [{ value: known.id, label: known.name }] : []),
                ...enterprises.options.filter((o) => o.value !== known?.id),
              ]}
              loading={enterprises.loading}
            />
          </Form.Item>
        </Col>
        {day('signedOn', t('land.signedOn'), true)}
        {num('landPrice', t('land.landPrice'), { required: true })}
        {num('investment', t('land.investment'), { required: true })}
        {num('plotRatio', t('land.plotRatio'), { required: true, max: 20 })}
        {num('taxPerMu', t('land.taxPerMu'), { required: true })}
        {num('rdShare', t('land.rdShare'), { max: 100 })}
        {num('energyPerOutput', t('land.energyPerOutput'), { precision: 4 })}
        {num('emission', t('land.emission'))}
        {day('agreedStartOn', t('land.agreedStartOn'), true, t('land.agreedStartHint'))}
        {num('extensionMonths', t('land.extensionMonths'), { max: 12, precision: 0 })}
        {num('latePenaltyPermille', t('land.latePenaltyPermille'), { max: 100, precision: 3 })}
        {num('governmentCauseDays', t('land.governmentCauseDays'), { max: 3650, precision: 0 })}
        <Col span={24}>
          <Form.Item name="governmentCause" label={t('land.governmentCause')}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        {day('startedOn', t('land.startedOn'))}
        {day('completedOn', t('land.completedOn'))}
        {day('suspendedSince', t('land.suspendedSince'))}
        {num('developedPercent', t('land.developedPercent'), { max: 100 })}
        {num('investedPercent', t('land.investedPercent'), { max: 100 })}
      </Row>
    </EntityFormModal>
  );
}

/** 竣工验收 (dates, plot ratio) or 达产复核 (investment, tax, energy, emission, R&D). */
export function ReviewFormModal({
  open,
  form,
  kind,
  contract,
  onClose,
  onSubmit,
}: {
  open: boolean;
  form: FormInstance<ReviewInput>;
  kind: ReviewInput['kind'];
  contract: Contract;
  onClose: () => void;
  onSubmit: (v: ReviewInput) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  return (
    <EntityFormModal<ReviewInput>
      name="review"
      open={open}
      form={form}
      title={t(`land.reviewKinds.${kind}`)}
      okText={t('land.computeReview')}
      initialValues={{ kind, startedOn: contract.startedOn, completedOn: contract.completedOn }}
      onClose={onClose}
      onSubmit={(v) =>
        onSubmit({
          kind,
          reviewedOn: v.reviewedOn,
          startedOn: orNull(v.startedOn),
          completedOn: orNull(v.completedOn),
          actualPlotRatio: orNull(v.actualPlotRatio),
          actualInvestment: orNull(v.actualInvestment),
          actualTaxPerMu: orNull(v.actualTaxPerMu),
          actualEnergyPerOutput: orNull(v.actualEnergyPerOutput),
          actualEmission: orNull(v.actualEmission),
          actualRdShare: orNull(v.actualRdShare),
          note: v.note ?? '',
        })
      }
    >
      <Row gutter={16}>
        {day('reviewedOn', t('land.reviewedOn'), true)}
        {kind === 'completion' ? (
          <>
            {day('startedOn', t('land.startedOn'), true)}
            {day('completedOn', t('land.completedOn'), true)}
            {num('actualPlotRatio', t('land.actualPlotRatio'), { max: 20 })}
          </>
        ) : (
          <>
            {num('actualInvestment', t('land.actualInvestment'))}
            {num('actualTaxPerMu', t('land.actualTaxPerMu'))}
            {num('actualEnergyPerOutput', t('land.actualEnergyPerOutput'), { precision: 4 })}
            {num('actualEmission', t('land.actualEmission'))}
            {num('actualRdShare', t('land.actualRdShare'), { max: 100 })}
          </>
        )}
        <Col span={24}>
          <Form.Item name="note" label={t('land.note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Col>
      </Row>
    </EntityFormModal>
  );
}

/** 巡查: date, finding, note and photos. */
export function PatrolFormModal({
  open,
  form,
  parcelId,
  enterpriseId,
  onClose,
  onSubmit,
}: {
  open: boolean;
  form: FormInstance<PatrolInput>;
  parcelId: string;
  enterpriseId: string | null;
  onClose: () => void;
  onSubmit: (v: PatrolInput) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const findingOptions = useEnumOptions(patrolFindings, 'land.findings');
  return (
    <EntityFormModal<PatrolInput>
      name="patrol"
      open={open}
      form={form}
      title={t('land.newPatrol')}
      initialValues={{ finding: 'normal', photoFileIds: [], note: '' }}
      onClose={onClose}
      onSubmit={(v) => onSubmit({ ...v, parcelId, note: v.note ?? '', photoFileIds: v.photoFileIds ?? [] })}
    >
      <Form.Item name="patrolledOn" label={t('land.patrolledOn')} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="finding" label={t('land.finding')} rules={[{ required: true }]}>
        <Select options={findingOptions} />
      </Form.Item>
      <Form.Item name="note" label={t('land.note')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="photoFileIds" label={t('land.photos')}>
        <FileUpload imagesOnly max={12} enterpriseId={enterpriseId ?? undefined} />
      </Form.Item>
    </EntityFormModal>
  );
}
