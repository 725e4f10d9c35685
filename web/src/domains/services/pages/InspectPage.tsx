import { type InspectionInput, inspectionKinds, inspectionResults } from '@shared/inspections';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Result, Select, Spin, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { canAccess } from '../../../app/access';
import { api } from '../../../shared/api';
import { useEnumOptions } from '../../../shared/format';
import { applyServerErrors } from '../../../shared/forms';
import { useSession } from '../../../shared/session';
import { INSPECTIONS, useDepartmentOptions, useEnterpriseByCode } from '../api';

interface Saved {
  inspection: { enterpriseName: string; flags: string[] };
  jointSuggestion: { departmentName: string; lastOn: string }[];
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/**
 * 亮码检查 on the inspector's phone: the page a scanned enterprise code card opens (/inspect/<code>, outside the
 * app's menu layout so it fits a phone). It names the enterprise, then registers the inspection by its code.
 */
export default function InspectPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { code } = useParams();
  const session = useSession();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const [saved, setSaved] = useState<Saved | null>(null);
  const allowed = canAccess(session?.permissions, 'inspections.write');
  const who = useEnterpriseByCode(allowed ? code : undefined);
  const pickDepartment = session?.user.role === 'admin' || session?.user.role === 'zone_leader';
  const departments = useDepartmentOptions(allowed);
  const kinds = useEnumOptions(inspectionKinds, 'services.inspection.kind');
  const results = useEnumOptions(inspectionResults, 'services.inspection.result');

  const save = useMutation({
    mutationFn: (values: Omit<InspectionInput, 'code'>) =>
      api.post<Saved>(INSPECTIONS, { ...values, code: who.data?.code ?? code }),
    onSuccess: (res) => {
      client.invalidateQueries({ queryKey: [INSPECTIONS] });
      setSaved(res);
    },
    onError: (e) => {
      if (!applyServerErrors(form, e)) message.error((e as Error).message);
    },
  });

  let body: ReactNode;
  if (!allowed) {
    body = <Result status="403" subTitle={t('services.inspection.noPermission')} />;
  } else if (who.isLoading) {
    body = (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  } else if (!who.data) {
    body = <Result status="warning" subTitle={t('services.inspection.unknownCode')} />;
  } else if (saved) {
    body = (
      <Result
        status="success"
        title={t('services.inspection.saved')}
        subTitle={saved.inspection.enterpriseName}
        extra={[
          <Button
            key="again"
            onClick={() => {
              form.resetFields();
              setSaved(null);
            }}
          >
            {t('services.inspection.registerAnother')}
          </Button>,
          <Link key="list" to="/services/inspections">
            <Button type="primary">{t('services.inspection.viewInspections')}</Button>
          </Link>,
        ]}
      >
        {/* Only when there is something to show: an empty Result content is a grey box under the buttons. */}
        {(saved.inspection.flags.length > 0 || saved.jointSuggestion.length > 0) && (
          <>
            {saved.inspection.flags.map((f) => (
              <Alert
                key={f}
                type="warning"
                showIcon
                style={{ marginBottom: 8 }}
                message={t(`services.inspection.flag.${f}`)}
              />
            ))}
            {saved.jointSuggestion.length > 0 && (
              <Alert
                type="info"
                showIcon
                message={t('services.inspection.jointHint')}
                description={saved.jointSuggestion.map((j) => `${j.lastOn} ${j.departmentName}`).join('；')}
              />
            )}
          </>
        )}
      </Result>
    );
  } else {
    body = (
      <>
        <div data-testid="inspect-enterprise" style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">{t('services.inspection.inspectFor')}</Typography.Text>
          <Typography.Title level={4} style={{ margin: '4px 0' }}>
            {who.data.enterpriseName}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
            {who.data.creditCode} · {who.data.code}
          </Typography.Text>
        </div>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => save.mutate({ ...v, jointDepartmentIds: v.jointDepartmentIds ?? [] })}
          initialValues={{ inspectedOn: today(), kind: 'routine', result: 'no_issue' }}
        >
          {pickDepartment && (
            <Form.Item name="departmentId" label={t('services.inspection.department')} rules={[{ required: true }]}>
              <Select options={departments} showSearch optionFilterProp="label" />
            </Form.Item>
          )}
          <Form.Item name="inspectors" label={t('services.inspection.inspectors')} rules={[{ required: true, min: 2 }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="inspectedOn" label={t('services.inspection.inspectedOn')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="kind" label={t('services.inspection.kindLabel')} rules={[{ required: true }]}>
            <Select options={kinds} />
          </Form.Item>
          <Form.Item name="jointDepartmentIds" label={t('services.inspection.joint')}>
            <Select mode="multiple" options={departments} showSearch optionFilterProp="label" />
          </Form.Item>
          <Form.Item name="purpose" label={t('services.inspection.purpose')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item name="result" label={t('services.inspection.resultLabel')} rules={[{ required: true }]}>
            <Select options={results} />
          </Form.Item>
          <Form.Item name="resultNote" label={t('services.inspection.resultNote')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      </>
    );
  }

  return (
    <Flex justify="center" style={{ minHeight: '100vh', background: '#f5f5f5', padding: 12 }}>
      <Card
        style={{ width: '100%', maxWidth: 480, alignSelf: 'flex-start', borderTop: '3px solid #c41d1d' }}
        title={t('services.inspection.inspectTitle')}
      >
        {body}
      </Card>
    </Flex>
  );
}
