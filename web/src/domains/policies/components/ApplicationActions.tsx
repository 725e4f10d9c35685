import type { PolicyApplication } from '@shared/policies';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileUpload } from '../../../shared/components/FileUpload';
import { applyServerErrors } from '../../../shared/forms';
import { useCan } from '../../../shared/session';
import { APPLICATIONS, toFen, usePolicyAction } from '../api';

type Kind = 'return' | 'reject' | 'approve' | 'payout' | 'resubmit';
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** Review (return for correction / reject / approve), payouts, and the enterprise's resubmission. */
export function ApplicationActions({ a }: { a: PolicyApplication }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [kind, setKind] = useState<Kind | null>(null);
  const [form] = Form.useForm();
  const run = usePolicyAction();
  const canReview = useCan('policies.review');
  const canApply = useCan('policies.apply');
  const submit = (v: Record<string, string | undefined> & { fileIds?: string[] }) => {
    const url = `${APPLICATIONS}/${a.id}`;
    const req =
      kind === 'payout'
        ? { url: `${url}/payouts`, body: { amountFen: toFen(v.amount), paidOn: v.paidOn, voucher: v.voucher ?? '' } }
        : kind === 'resubmit'
          ? { url: `${url}/resubmit`, body: { statement: v.statement, fileIds: v.fileIds ?? [] } }
          : kind === 'approve'
            ? { url: `${url}/review`, body: { decision: 'approve', note: v.note ?? '', awardFen: toFen(v.amount) } }
            : { url: `${url}/review`, body: { decision: kind, note: v.note } };
    run.mutate(req, {
      onSuccess: () => {
        message.success(t('policies.done'));
        setKind(null);
      },
      onError: (e) => {
        if (!applyServerErrors(form, e)) message.error((e as Error).message);
      },
    });
  };
  const btn = (k: Kind) => (
    <Button size="small" onClick={() => setKind(k)} key={k}>
      {t(`policies.actions.${k}`)}
    </Button>
  );
  const buttons = [
    ...(canReview && a.status === 'submitted' ? [btn('approve'), btn('return'), btn('reject')] : []),
    ...(canReview && a.status === 'approved' && (a.awardFen ?? 0) > a.paidFen ? [btn('payout')] : []),
    ...(canApply && a.status === 'returned' ? [btn('resubmit')] : []),
  ];
  if (buttons.length === 0) return null;
  return (
    <>
      <Space size={4}>{buttons}</Space>
      <Modal
        open={kind !== null}
        title={kind ? t(`policies.actions.${kind}`) : ''}
        onCancel={() => setKind(null)}
        onOk={() => form.submit()}
        confirmLoading={run.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={{ paidOn: today() }}>
          {(kind === 'return' || kind === 'reject' || kind === 'approve') && (
            <Form.Item name="note" label={t('policies.reviewNote')} rules={[{ required: kind !== 'approve', min: 4 }]}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          )}
          {(kind === 'approve' || kind === 'payout') && (
            <Form.Item
              name="amount"
              label={kind === 'approve' ? t('policies.award') : t('policies.payoutAmount')}
              extra={kind === 'approve' ? t('policies.awardHint') : undefined}
              rules={[
                { required: kind === 'payout' },
                { pattern: /^\d+(\.\d{1,2})?$/, message: t('policies.amountHint') },
              ]}
            >
              <Input addonBefore="¥" />
            </Form.Item>
          )}
          {kind === 'payout' && (
            <>
              <Form.Item name="paidOn" label={t('policies.paidOn')} rules={[{ required: true }]}>
                <Input type="date" />
              </Form.Item>
              <Form.Item name="voucher" label={t('policies.voucher')}>
                <Input maxLength={100} />
              </Form.Item>
            </>
          )}
          {kind === 'resubmit' && (
            <>
              <Form.Item
                name="statement"
                label={t('policies.statement')}
                rules={[{ required: true, min: 4 }]}
                initialValue={a.statement}
              >
                <Input.TextArea rows={4} maxLength={4000} />
              </Form.Item>
              <Form.Item name="fileIds" label={t('policies.attachments')} initialValue={a.fileIds}>
                <FileUpload max={20} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
