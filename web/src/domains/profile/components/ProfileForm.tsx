import { type Locale, locales, profileUpdateSchema, type SessionInfo } from '@shared/auth';
import { App, Button, Card, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { useEnumOptions } from '../../../shared/format';
import { applyServerErrors } from '../../../shared/forms';
import { changeLocale } from '../../../shared/i18n';
import { useSession, useSetSession } from '../../../shared/session';
import { useZodFields } from '../../../shared/validation';

interface Values {
  displayName: string;
  locale: Locale;
}

/** Display name and preferred language (saved with PUT /api/auth/profile). */
export function ProfileForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const setSession = useSetSession();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const field = useZodFields(profileUpdateSchema);
  const localeOptions = useEnumOptions(locales, 'locale');
  if (!session) return null;

  const finish = async (values: Values) => {
    setSaving(true);
    try {
      const updated = await api.put<SessionInfo>('/api/auth/profile', values);
      setSession(updated);
      await changeLocale(updated.user.locale);
      message.success(t('common.saved'));
    } catch (e) {
      applyServerErrors(form, e);
      message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('profile.basicTitle')} variant="borderless">
      <Form<Values>
        form={form}
        name="profile"
        layout="vertical"
        initialValues={{ displayName: session.user.displayName, locale: session.user.locale }}
        onFinish={finish}
        style={{ maxWidth: 420 }}
      >
        <Form.Item label={t('auth.username')}>
          <Input value={session.user.username} disabled />
        </Form.Item>
        <Form.Item label={t('home.role')}>
          <Input value={t(`enums.role.${session.user.role}`)} disabled />
        </Form.Item>
        <Form.Item label={t('profile.displayName')} {...field('displayName')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label={t('profile.language')} {...field('locale')}>
          <Select options={localeOptions} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
