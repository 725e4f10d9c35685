import { type CaseAction, suspensionTypes } from '@shared/approval';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FileUpload } from '../../../shared/components/FileUpload';
import { applyServerErrors } from '../../../shared/forms';
import { type CaseDetail, useCaseAction } from '../api';

const NEEDS_REASON: CaseAction[] = ['not_accept', 'suspend', 'extend', 'deny', 'revoke'];
const NEEDS_MATERIALS: CaseAction[] = ['request_correction'];
const WITH_FILES: CaseAction[] = ['resubmit', 'supplement'];

interface Values {
  on?: Dayjs;
  reason?: string;
  materials?: string[];
  suspensionType?: string;
  files?: Record<string, string[]>;
}

/** One step of a case: the fields that step needs (date for staff, reason, materials, suspension type, files). */
export function ActionModal({
  c,
  action,
  staff,
  onClose,
}: {
  c: CaseDetail;
  action: CaseAction | null;
  staff: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const act = useCaseAction(c.id);
  if (!action) return null;
  const materialOptions = c.materials.map((m) => ({ value: m.code, label: m.name }));
  const toSupply =
    action === 'resubmit'
      ? c.materials.filter((m) => c.correctionList.includes(m.code))
      : c.materials.filter((m) => c.rongqueMaterials.includes(m.code) || !c.suppliedMaterials.includes(m.code));

  const finish = async (v: Values) => {
    try {
      const attachments = Object.fromEntries(Object.entries(v.files ?? {}).filter(([, ids]) => ids && ids.length > 0));
      await act.mutateAsync({
        action,
        on: v.on?.format('YYYY-MM-DD'),
        reason: v.reason || undefined,
        materials: v.materials,
        suspensionType: v.suspensionType as (typeof suspensionTypes)[number] | undefined,
        attachments: WITH_FILES.includes(action) ? attachments : undefined,
      });
      message.success(t('approval.actionDone', { action: t(`approval.actions.${action}`) }));
      onClose();
    } catch (e) {
      applyServerErrors(form, e);
      message.error((e as Error).message);
    }
  };

  return (
    <Modal
      open
      title={t(`approval.actions.${action}`)}
      okText={t(`approval.actions.${action}`)}
      cancelText={t('common.cancel')}
      confirmLoading={act.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values> form={form} name="caseAction" layout="vertical" onFinish={finish}>
        {staff && (
          <Form.Item name="on" label={t('approval.actionOn')}>
            <DatePicker />
          </Form.Item>
        )}
        {action === 'suspend' && (
          <Form.Item name="suspensionType" label={t('approval.suspensionType')} rules={[{ required: true }]}>
            <Select options={suspensionTypes.map((s) => ({ value: s, label: t(`approval.suspensionTypes.${s}`) }))} />
          </Form.Item>
        )}
        {NEEDS_MATERIALS.includes(action) && (
          <Form.Item name="materials" label={t('approval.correctionList')} rules={[{ required: true }]}>
            <Select mode="multiple" options={materialOptions} />
          </Form.Item>
        )}
        {WITH_FILES.includes(action) &&
          toSupply.map((m) => (
            <Form.Item key={m.code} name={['files', m.code]} label={m.name}>
              <FileUpload enterpriseId={staff ? c.enterpriseId : undefined} />
            </Form.Item>
          ))}
        <Form.Item
          name="reason"
          label={t('approval.reason')}
          rules={NEEDS_REASON.includes(action) ? [{ required: true }] : []}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
