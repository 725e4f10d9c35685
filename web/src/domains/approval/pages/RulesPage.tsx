import { type ApprovalRules, approvalRulesSchema, suspensionTypes } from '@shared/approval';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  InputNumber,
  Row,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { applyServerErrors } from '../../../shared/forms';
import { useCan } from '../../../shared/session';
import { useZodFields } from '../../../shared/validation';
import { useRules, useSaveRules } from '../api';

type Values = { params: ApprovalRules };
type Key = Exclude<keyof ApprovalRules, 'suspensionCaps'>;

/** Groups of the parameters as staff think of them: intake, limits, warnings, 容缺 and 告知承诺. */
const GROUPS: { title: string; keys: Key[] }[] = [
  { title: 'intake', keys: ['completenessDays'] },
  { title: 'limits', keys: ['jointStatutoryDays', 'extensionSingleDays', 'extensionJointDays'] },
  { title: 'warnings', keys: ['yellowDays', 'redDays'] },
  { title: 'modes', keys: ['rongqueDays', 'verificationDays'] },
];

/** 规则参数: the configurable parameters of the approval rules per year; leaders edit, everyone else reads. */
export default function RulesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canEdit = useCan('approval.rules');
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const query = useRules(year);
  const save = useSaveRules();
  const [form] = Form.useForm<Values>();
  const field = useZodFields(approvalRulesSchema);
  const data = query.data;

  useEffect(() => {
    if (data) form.setFieldsValue({ params: data.params });
  }, [data, form]);

  const years = useMemo(() => {
    const set = new Set([thisYear - 1, thisYear, thisYear + 1, ...(data?.savedYears.map((s) => s.year) ?? [])]);
    return [...set].sort((a, b) => b - a).map((y) => ({ value: y, label: String(y) }));
  }, [data, thisYear]);

  const onFinish = async (values: Values) => {
    try {
      const saved = await save.mutateAsync({ year, params: values.params });
      message.success(t('approval.rulesSaved', { year, n: saved.recomputed }));
    } catch (e) {
      if (!applyServerErrors(form, e)) message.error(isApiError(e) ? e.message : String(e));
    }
  };

  const number = (key: Key) => (
    <Col xs={24} sm={12} md={8} key={key}>
      <Form.Item
        label={t(`approval.ruleParams.${key}`)}
        tooltip={t(`approval.ruleHelp.${key}`)}
        {...field(key)}
        name={['params', key]}
      >
        <InputNumber disabled={!canEdit} suffix={t('approval.workdays')} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );

  return (
    <Card
      title={t('approval.rules')}
      extra={
        <Space>
          <Typography.Text type="secondary">{t('approval.rulesYear')}</Typography.Text>
          <Select
            aria-label={t('approval.rulesYear')}
            value={year}
            options={years}
            onChange={setYear}
            style={{ width: 100 }}
          />
        </Space>
      }
    >
      {query.isPending || !data ? (
        <Spin />
      ) : (
        <Flex vertical gap={16}>
          <Alert
            type="info"
            showIcon
            message={
              data.fromYear === null
                ? t('approval.rulesDefaults')
                : data.fromYear === year
                  ? t('approval.rulesSavedFor', { year })
                  : t('approval.rulesCarried', { year, from: data.fromYear })
            }
            description={
              data.savedYears.length > 0 && (
                <Space wrap>
                  {t('approval.rulesSavedYears')}
                  {data.savedYears.map((s) => (
                    <Tag key={s.year}>{s.year}</Tag>
                  ))}
                </Space>
              )
            }
          />
          <Form<Values> form={form} layout="vertical" onFinish={onFinish} disabled={!canEdit}>
            {GROUPS.map((g) => (
              <Card key={g.title} size="small" title={t(`approval.ruleGroups.${g.title}`)} style={{ marginBottom: 12 }}>
                <Row gutter={16}>{g.keys.map(number)}</Row>
              </Card>
            ))}
            <Card size="small" title={t('approval.ruleGroups.suspensionCaps')} style={{ marginBottom: 12 }}>
              <Row gutter={16}>
                {suspensionTypes.map((s) => (
                  <Col xs={24} sm={12} md={8} key={s}>
                    <Form.Item
                      label={t(`approval.suspensionTypes.${s}`)}
                      name={['params', 'suspensionCaps', s]}
                      rules={[{ required: true }, { type: 'integer', min: 1, max: 120 }]}
                    >
                      <InputNumber suffix={t('approval.workdays')} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
            </Card>
            {canEdit && (
              <Space>
                <Button type="primary" htmlType="submit" loading={save.isPending}>
                  {t('approval.rulesSave', { year })}
                </Button>
                <Button htmlType="button" onClick={() => form.setFieldsValue({ params: data.params })}>
                  {t('approval.rulesReset')}
                </Button>
              </Space>
            )}
          </Form>
        </Flex>
      )}
    </Card>
  );
}
