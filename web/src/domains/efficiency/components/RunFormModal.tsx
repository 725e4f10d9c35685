import { type EfficiencyParams, efficiencyGroups, type IndicatorWeight, type RunInput } from '@shared/efficiency';
import { Col, Form, type FormInstance, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';

interface Props {
  open: boolean;
  form: FormInstance<RunInput>;
  defaults: EfficiencyParams | undefined;
  onClose: () => void;
  onSubmit: (values: RunInput) => Promise<unknown>;
}

/** Configure a yearly run: scope, method, benchmark source, missing-data rule, weights (and entered benchmarks), bands. */
export function RunFormModal({ open, form, defaults, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  const year = new Date().getFullYear() - 1;
  // The form shows only some parameters (and antd drops unrendered fields): merge what it edits into the defaults.
  const merge = (w: IndicatorWeight, x: Partial<IndicatorWeight> | undefined): IndicatorWeight => ({
    indicator: w.indicator,
    weight: x?.weight ?? w.weight,
    benchmark: x?.benchmark ?? null,
  });
  const submit = (values: RunInput) => {
    const d = defaults!;
    const p = values.params;
    return onSubmit({
      ...values,
      params: {
        ...d,
        method: p.method ?? d.method,
        benchmarkSource: p.benchmarkSource ?? d.benchmarkSource,
        missing: p.missing ?? d.missing,
        scope: { ...d.scope, ...p.scope },
        bands: d.bands.map((b, i) => ({ ...b, ...p.bands?.[i] })),
        indicators: {
          above: d.indicators.above.map((w, i) => merge(w, p.indicators?.above?.[i])),
          below: d.indicators.below.map((w, i) => merge(w, p.indicators?.below?.[i])),
        },
      },
    });
  };
  return (
    <EntityFormModal<RunInput>
      name="efficiencyRun"
      open={open}
      title={t('efficiency.newRun')}
      form={form}
      width={760}
      initialValues={{ year, name: t('efficiency.defaultName', { year }), params: defaults }}
      onClose={onClose}
      onSubmit={submit}
    >
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="year" label={t('efficiency.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={18}>
          <Form.Item name="name" label={t('efficiency.name')} rules={[{ required: true, min: 2, max: 100 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={['params', 'scope', 'minLandMu']} label={t('efficiency.minLandMu')}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name={['params', 'scope', 'includeTenants']}
            label={t('efficiency.includeTenants')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={['params', 'method']} label={t('efficiency.method')}>
            <Select options={['ratio', 'minmax'].map((v) => ({ value: v, label: t(`efficiency.methods.${v}`) }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={['params', 'benchmarkSource']} label={t('efficiency.benchmarkSource')}>
            <Select
              options={['prior_year_average', 'entered'].map((v) => ({
                value: v,
                label: t(`efficiency.sources.${v}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={['params', 'missing']} label={t('efficiency.missing')}>
            <Select
              options={['group_average', 'zero'].map((v) => ({ value: v, label: t(`efficiency.missingRules.${v}`) }))}
            />
          </Form.Item>
        </Col>
        {[0, 1, 2].map((i) => (
          <Col span={6} key={i}>
            <Form.Item
              name={['params', 'bands', i, 'upTo']}
              label={t('efficiency.bandUpTo', { cls: ['A', 'B', 'C'][i] })}
            >
              <InputNumber min={1} max={100} addonAfter="%" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      {efficiencyGroups.map((g) => (
        <div key={g}>
          <Typography.Title level={5}>{t(`efficiency.groups.${g}`)}</Typography.Title>
          <Form.List name={['params', 'indicators', g]}>
            {(fields) =>
              fields.map((f, i) => (
                <Row gutter={12} key={f.key}>
                  <Col span={10}>
                    <Form.Item name={[f.name, 'indicator']} noStyle>
                      <Input type="hidden" />
                    </Form.Item>
                    <Typography.Text>
                      {t(
                        `efficiency.indicators.${form.getFieldValue(['params', 'indicators', g, i, 'indicator']) ?? defaults?.indicators[g][i]?.indicator}`,
                      )}
                    </Typography.Text>
                  </Col>
                  <Col span={6}>
                    <Form.Item name={[f.name, 'weight']} style={{ marginBottom: 8 }}>
                      <InputNumber min={0} max={100} addonBefore={t('efficiency.weight')} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name={[f.name, 'benchmark']} style={{ marginBottom: 8 }}>
                      <InputNumber
                        min={0}
                        addonBefore={t('efficiency.benchmark')}
                        placeholder={t('efficiency.priorAverage')}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              ))
            }
          </Form.List>
        </div>
      ))}
    </EntityFormModal>
  );
}
