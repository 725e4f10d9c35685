import { callbackChannels, type Demand, satisfactionLevels } from '@shared/services';
import { App, Button, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileUpload } from '../../../shared/components/FileUpload';
import { useEnumOptions } from '../../../shared/format';
import { applyServerErrors } from '../../../shared/forms';
import { useCan, useSession } from '../../../shared/session';
import { useDemandAction, useDepartmentOptions, useDistrictDepartmentOptions } from '../api';

type Kind = 'route' | 'return' | 'reply' | 'complex' | 'resolve' | 'rate' | 'reopen';

/** The buttons a user may press on a demand in its current state, each with its small form. */
export function DemandActions({ demand }: { demand: Demand }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const role = session?.user.role;
  const [kind, setKind] = useState<Kind | null>(null);
  const [form] = Form.useForm();
  const run = useDemandAction(demand.id);
  const canDispatch = useCan('demands.dispatch');
  const canHandleRole = useCan('demands.handle');
  const canExtend = useCan('demands.extend');
  const canRate = useCan('demands.rate');
  const departments = useDepartmentOptions(canDispatch && kind === 'route');
  const routeKind = Form.useWatch('kind', form);
  const outsideBodies = useDistrictDepartmentOptions(canDispatch && kind === 'route' && routeKind === 'external');
  const satisfactionOptions = useEnumOptions(satisfactionLevels, 'services.satisfaction');
  const channelOptions = useEnumOptions(
    callbackChannels.filter((c) => c !== 'portal'),
    'services.channel',
  );

  const isDeptRole = role === 'dept_head' || role === 'dept_staff';
  // Same rule as the server: the routed department works it; an outside body's demand is followed by dispatchers.
  const handler =
    canHandleRole &&
    (role === 'admin' ||
      role === 'zone_leader' ||
      (demand.routeKind === 'external' && role === 'service_officer') ||
      (demand.routeKind === 'department' && isDeptRole && demand.departmentId === session?.user.departmentId));
  const s = demand.status;

  const act = (action: string, body?: unknown) =>
    run.mutate(
      { action, body },
      {
        onSuccess: () => {
          message.success(t('services.done'));
          setKind(null);
          form.resetFields();
        },
        onError: (e) => {
          if (!applyServerErrors(form, e)) message.error((e as Error).message);
        },
      },
    );

  const submit = (v: Record<string, unknown>) => {
    if (kind === 'rate' && role === 'enterprise') act('rate', { satisfaction: v.satisfaction, comment: v.comment });
    else if (kind) act(kind, v);
  };

  const button = (k: Kind, label: string, primary = false) => (
    <Button type={primary ? 'primary' : 'default'} onClick={() => setKind(k)}>
      {label}
    </Button>
  );

  const buttons = [
    canDispatch &&
      (s === 'pending_route' || s === 'assigned') &&
      button('route', t('services.actions.route'), s === 'pending_route'),
    handler && s === 'assigned' && demand.routeKind && (
      <Button type="primary" loading={run.isPending} onClick={() => act('sign')}>
        {t('services.actions.sign')}
      </Button>
    ),
    handler && isDeptRole && s === 'assigned' && button('return', t('services.actions.return')),
    handler && s === 'signed' && button('reply', t('services.actions.reply')),
    handler &&
      canExtend &&
      (s === 'signed' || s === 'replied') &&
      !demand.complex &&
      button('complex', t('services.actions.complex')),
    handler && (s === 'signed' || s === 'replied') && button('resolve', t('services.actions.resolve'), true),
    canRate && s === 'resolved' && button('rate', t('services.actions.rate'), true),
    canDispatch && (s === 'resolved' || s === 'closed') && button('reopen', t('services.actions.reopen')),
  ].filter(Boolean);

  if (buttons.length === 0) return null;
  return (
    <>
      <Space wrap>{buttons}</Space>
      <Modal
        open={kind !== null}
        title={kind ? t(`services.actions.${kind}`) : ''}
        onCancel={() => setKind(null)}
        onOk={() => form.submit()}
        confirmLoading={run.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ kind: 'department', satisfaction: 'satisfied', channel: 'phone' }}
          preserve={false}
        >
          {kind === 'route' && (
            <>
              <Form.Item name="kind" label={t('services.routeKind')}>
                <Radio.Group
                  options={[
                    { value: 'department', label: t('services.routeDepartment') },
                    { value: 'external', label: t('services.routeExternal') },
                  ]}
                />
              </Form.Item>
              {routeKind === 'external' ? (
                <Form.Item
                  name="districtDepartmentId"
                  label={t('services.externalBody')}
                  extra={t('services.externalBodyHint')}
                  rules={[{ required: true }]}
                >
                  <Select options={outsideBodies} showSearch optionFilterProp="label" />
                </Form.Item>
              ) : (
                <Form.Item name="departmentId" label={t('services.department')} rules={[{ required: true }]}>
                  <Select options={departments} showSearch optionFilterProp="label" />
                </Form.Item>
              )}
              <Form.Item name="note" label={t('services.note')}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </>
          )}
          {(kind === 'return' || kind === 'complex' || kind === 'reopen') && (
            <Form.Item name="reason" label={t('services.reason')} rules={[{ required: true, min: 4 }]}>
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          )}
          {kind === 'reply' && (
            <Form.Item name="reply" label={t('services.replyLabel')} rules={[{ required: true, min: 2 }]}>
              <Input.TextArea rows={4} maxLength={4000} />
            </Form.Item>
          )}
          {kind === 'resolve' && (
            <>
              <Form.Item name="resolution" label={t('services.resolution')} rules={[{ required: true, min: 4 }]}>
                <Input.TextArea rows={4} maxLength={4000} />
              </Form.Item>
              <Form.Item name="evidenceFileIds" label={t('services.evidenceFiles')} initialValue={[]}>
                <FileUpload enterpriseId={demand.enterpriseId} />
              </Form.Item>
              <Form.Item name="evidenceNote" label={t('services.evidenceNote')} extra={t('services.evidenceHint')}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
            </>
          )}
          {kind === 'rate' && (
            <>
              <Form.Item name="satisfaction" label={t('services.satisfactionLabel')}>
                <Radio.Group options={satisfactionOptions} />
              </Form.Item>
              {role !== 'enterprise' && (
                <Form.Item name="channel" label={t('services.channelLabel')}>
                  <Radio.Group options={channelOptions} />
                </Form.Item>
              )}
              <Form.Item name="comment" label={t('services.comment')} extra={t('services.unsatisfiedHint')}>
                <Input.TextArea rows={3} maxLength={1000} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
