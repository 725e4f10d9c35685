import type { Indicator, IndicatorInput } from '@shared/performance';
import { scoringMethods } from '@shared/performance';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Drawer,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../../shared/api';
import { applyServerErrors } from '../../../shared/forms';
import { CYCLES, useIndicatorSources } from '../api';

/** One editable row; '' in sourceKey means a manual indicator (entered with evidence). */
type EditRow = Omit<IndicatorInput, 'sourceKey'> & { sourceKey: string };
interface FormValues {
  indicators: EditRow[];
}

const weighted = (m: EditRow['method']) => m === 'capped' || m === 'efficacy';

/** Weight groups as the server checks them: department templates per class, and the individual set. */
export function groupOf(r: Pick<EditRow, 'level' | 'class'>): string {
  return r.level === 'individual' ? 'individual' : `department:${r.class ?? '*'}`;
}

/** Σ weights per group, in hundredths so 33.33 + 33.33 + 33.34 is exactly 100. */
export function weightTotals(rows: readonly Partial<EditRow>[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const r of rows) {
    if (!r?.level || !r.method || !weighted(r.method)) continue;
    const g = groupOf({ level: r.level, class: r.class ?? null });
    totals.set(g, (totals.get(g) ?? 0) + Math.round(Number(r.weight ?? 0) * 100));
  }
  return totals;
}

const blank = (level: EditRow['level']): EditRow => ({
  level,
  class: level === 'department' ? 'A' : null,
  name: '',
  method: 'capped',
  weight: 0,
  target: null,
  cap: 1.2,
  sourceKey: '',
  zoneTarget: '',
});

/**
 * 指标设置: the indicator set of an open cycle — department templates by class and individual KPIs, each manual
 * (entered with evidence) or automatic (one of the registered sources, whose counting rule is shown). The running
 * Σ weight of every group is shown and the set is only sent when each group weighs 100; the server checks it again
 * and its field errors land under the inputs.
 */
export function IndicatorEditor({
  cycleId,
  open,
  indicators,
  onClose,
}: {
  cycleId: string;
  open: boolean;
  indicators: Indicator[];
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const sources = useIndicatorSources(open);
  const locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const rows = (Form.useWatch('indicators', form) ?? []) as Partial<EditRow>[];
  const totals = useMemo(() => weightTotals(rows), [rows]);

  useEffect(() => {
    if (open) {
      form.setFieldsValue({
        indicators: indicators.map(({ id: _i, cycleId: _c, ...i }) => ({ ...i, sourceKey: i.sourceKey ?? '' })),
      });
    }
  }, [open, indicators, form]);

  const groupLabel = (g: string) =>
    g === 'individual'
      ? t('performance.editor.groupIndividual')
      : g === 'department:*'
        ? t('performance.editor.groupDepartmentAll')
        : t('performance.editor.groupDepartment', { class: t(`performance.class.${g.slice('department:'.length)}`) });

  const save = async () => {
    const values = await form.validateFields();
    const list = values.indicators ?? [];
    if (list.length === 0) {
      message.error(t('performance.editor.empty'));
      return;
    }
    const sums = weightTotals(list);
    const bad = [...sums].filter(([, sum]) => sum !== 10000);
    if (bad.length > 0) {
      form.setFields(
        list.flatMap((r, i) =>
          weighted(r.method) && bad.some(([g]) => g === groupOf(r))
            ? [
                {
                  name: ['indicators', i, 'weight'],
                  errors: [t('performance.editor.notHundred', { sum: (sums.get(groupOf(r)) ?? 0) / 100 })],
                },
              ]
            : [],
        ),
      );
      message.error(
        t('performance.editor.refused', { groups: bad.map(([g, s]) => `${groupLabel(g)} ${s / 100}`).join('；') }),
      );
      return;
    }
    setBusy(true);
    try {
      await api.put(`${CYCLES}/${cycleId}/indicators`, {
        indicators: list.map((r) => ({
          ...r,
          class: r.level === 'department' ? r.class : null,
          sourceKey: r.sourceKey || null,
          target: r.target ?? null,
          cap: r.cap ?? 1.2,
          zoneTarget: r.zoneTarget ?? '',
        })),
      });
      void client.invalidateQueries({ queryKey: [CYCLES] });
      message.success(t('common.saved'));
      onClose();
    } catch (e) {
      if (!applyServerErrors(form, e)) message.error(isApiError(e) || e instanceof Error ? e.message : String(e));
      else message.error(t('performance.editor.serverRefused'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={1120}
      title={t('performance.editor.title')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={save}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Alert type="info" showIcon title={t('performance.editor.rule')} />
        <Space wrap aria-label={t('performance.editor.totals')}>
          <Typography.Text strong>{t('performance.editor.totals')}</Typography.Text>
          {[...totals].map(([g, sum]) => (
            <Tag key={g} color={sum === 10000 ? 'green' : 'red'} data-testid={`weight-total-${g}`}>
              {groupLabel(g)}：{sum / 100}
              {sum === 10000 ? ' ✓' : ` ≠ 100`}
            </Tag>
          ))}
        </Space>
        <Form<FormValues> form={form} layout="vertical" requiredMark={false}>
          <Form.List name="indicators">
            {(fields, { add, remove }) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {fields.map((f, index) => {
                  const r = rows[f.name] ?? {};
                  const level = r.level ?? 'department';
                  const method = r.method ?? 'capped';
                  const source = sources.data?.find((s) => s.key === r.sourceKey);
                  const sourceOptions = [
                    { value: '', label: t('performance.editor.manual') },
                    ...(sources.data ?? [])
                      .filter((s) => s.targets.includes(level === 'department' ? 'department' : 'staff'))
                      .map((s) => ({ value: s.key, label: `${s.label[locale]}（${s.unit[locale]}）` })),
                  ];
                  return (
                    <Card
                      key={f.key}
                      size="small"
                      title={`${index + 1}. ${r.name || t('performance.editor.unnamed')}`}
                      extra={
                        <Button size="small" danger onClick={() => remove(f.name)}>
                          {t('common.delete')}
                        </Button>
                      }
                    >
                      <Row gutter={12}>
                        <Col xs={12} md={3}>
                          <Form.Item name={[f.name, 'level']} label={t('performance.level')}>
                            <Select
                              aria-label={`${t('performance.level')} ${index + 1}`}
                              options={(['department', 'individual'] as const).map((l) => ({
                                value: l,
                                label: t(`performance.levels.${l}`),
                              }))}
                              onChange={(l) => {
                                form.setFieldValue(['indicators', f.name, 'class'], l === 'department' ? 'A' : null);
                                form.setFieldValue(['indicators', f.name, 'sourceKey'], '');
                              }}
                            />
                          </Form.Item>
                        </Col>
                        <Col xs={12} md={4}>
                          <Form.Item name={[f.name, 'class']} label={t('performance.classLabel')}>
                            <Select
                              aria-label={`${t('performance.classLabel')} ${index + 1}`}
                              disabled={level !== 'department'}
                              allowClear
                              placeholder={t('performance.editor.allClasses')}
                              options={(['A', 'B'] as const).map((c) => ({
                                value: c,
                                label: t(`performance.class.${c}`),
                              }))}
                            />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={7}>
                          <Form.Item
                            name={[f.name, 'name']}
                            label={t('performance.indicator')}
                            rules={[{ required: true, min: 2, max: 60, message: t('performance.editor.nameRule') }]}
                          >
                            <Input aria-label={`${t('performance.indicator')} ${index + 1}`} maxLength={60} />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={10}>
                          <Form.Item
                            name={[f.name, 'sourceKey']}
                            label={t('performance.source')}
                            extra={
                              source
                                ? source.query[locale]
                                : r.sourceKey === ''
                                  ? t('performance.editor.manualHelp')
                                  : ''
                            }
                          >
                            <Select
                              aria-label={`${t('performance.source')} ${index + 1}`}
                              showSearch={{ optionFilterProp: 'label' }}
                              loading={sources.isLoading}
                              options={sourceOptions}
                            />
                          </Form.Item>
                        </Col>
                        <Col xs={12} md={5}>
                          <Form.Item name={[f.name, 'method']} label={t('performance.method')}>
                            <Select
                              aria-label={`${t('performance.method')} ${index + 1}`}
                              options={scoringMethods.map((m) => ({ value: m, label: t(`performance.methods.${m}`) }))}
                              onChange={(m) => {
                                if (!weighted(m)) form.setFieldValue(['indicators', f.name, 'weight'], 0);
                                if (m === 'capped') form.setFieldValue(['indicators', f.name, 'cap'], 1.2);
                                if (m === 'bonus' || m === 'deduction') {
                                  form.setFieldValue(['indicators', f.name, 'cap'], 5);
                                }
                              }}
                            />
                          </Form.Item>
                        </Col>
                        <Col xs={12} md={4}>
                          <Form.Item name={[f.name, 'weight']} label={t('performance.weight')}>
                            <InputNumber
                              aria-label={`${t('performance.weight')} ${index + 1}`}
                              min={0}
                              max={100}
                              precision={2}
                              disabled={!weighted(method)}
                              style={{ width: '100%' }}
                            />
                          </Form.Item>
                        </Col>
                        <Col xs={12} md={4}>
                          <Form.Item
                            name={[f.name, 'target']}
                            label={t('performance.target')}
                            tooltip={t('performance.editor.targetHelp')}
                          >
                            <InputNumber
                              aria-label={`${t('performance.target')} ${index + 1}`}
                              min={0}
                              disabled={method !== 'capped'}
                              style={{ width: '100%' }}
                            />
                          </Form.Item>
                        </Col>
                        <Col xs={12} md={4}>
                          <Form.Item
                            name={[f.name, 'cap']}
                            label={
                              method === 'capped' ? t('performance.editor.cap') : t('performance.editor.maxPoints')
                            }
                            tooltip={
                              method === 'capped'
                                ? t('performance.editor.capHelp')
                                : t('performance.editor.maxPointsHelp')
                            }
                          >
                            <InputNumber
                              aria-label={`${t('performance.editor.cap')} ${index + 1}`}
                              min={0}
                              max={100}
                              step={0.05}
                              disabled={method === 'efficacy'}
                              style={{ width: '100%' }}
                            />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={7}>
                          <Form.Item name={[f.name, 'zoneTarget']} label={t('performance.zoneTarget')}>
                            <Input maxLength={200} />
                          </Form.Item>
                        </Col>
                      </Row>
                    </Card>
                  );
                })}
                <Space>
                  <Button type="dashed" onClick={() => add(blank('department'))}>
                    {t('performance.editor.addDepartment')}
                  </Button>
                  <Button type="dashed" onClick={() => add(blank('individual'))}>
                    {t('performance.editor.addIndividual')}
                  </Button>
                </Space>
              </Space>
            )}
          </Form.List>
        </Form>
      </Space>
    </Drawer>
  );
}
