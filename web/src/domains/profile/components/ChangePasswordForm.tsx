import { changePasswordSchema } from '@shared/auth';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { applyServerErrors } from '../../../shared/forms';
import { SESSION_KEY } from '../../../shared/session';
import { useZodFields } from '../../../shared/validation';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** POST /api/auth/password; a wrong current password comes back as a field error under that input. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const field = useZodFields(changePasswordSchema);

  const finish = async ({ currentPassword, newPassword }: Values) => {
    setSaving(true);
    try {
      await api.post('/api/auth/password', { currentPassword, newPassword });
      form.resetFields();
      message.success(t('profile.passwordChanged'));
      // mustChangePassword is cleared on the server: reload the session.
      await client.invalidateQueries({ queryKey: SESSION_KEY });
    } catch (e) {
      applyServerErrors(form, e);
      message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('profile.passwordTitle')} variant="borderless">
      <Form<Values> form={form} name="password" layout="vertical" onFinish={finish} style={{ maxWidth: 420 }}>
        <Form.Item label={t('profile.currentPassword')} {...field('currentPassword')}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label={t('profile.newPassword')} {...field('newPassword')} extra={t('profile.passwordHelp')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('profile.confirmPassword')}
          name="confirmPassword"
          dependencies={['newPassword']}
          required
          rules={[
            { required: true, message: t('validation.required') },
            ({ getFieldValue }) => ({
              validator: async (_, value: string) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(t('validation.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('profile.changePassword')}
        </Button>
      </Form>
    </Card>
  );
}
