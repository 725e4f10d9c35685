import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { SessionInfo } from '@shared/auth';
import { loginSchema } from '@shared/auth';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { api, isApiError, setCsrfToken } from '../../../shared/api';
import { LanguageSwitch } from '../../../shared/components/LanguageSwitch';
import { changeLocale, storedLocale } from '../../../shared/i18n';
import { useSetSession } from '../../../shared/session';
import { useZodFields } from '../../../shared/validation';

interface LoginValues {
  username: string;
  password: string;
}

interface LoginState {
  from?: string;
  expired?: boolean;
}

/** The browser's explicit language choice wins and is saved to the profile; otherwise the profile's language applies. */
async function reconcileLocale(session: SessionInfo): Promise<SessionInfo> {
  const chosen = storedLocale();
  if (!chosen) {
    await changeLocale(session.user.locale);
    return session;
  }
  if (chosen === session.user.locale) return session;
  setCsrfToken(session.csrfToken);
  try {
    return await api.put<SessionInfo>('/api/auth/profile', { displayName: session.user.displayName, locale: chosen });
  } catch {
    return session;
  }
}

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginState;
  const setSession = useSetSession();
  const field = useZodFields(loginSchema);

  useEffect(() => {
    document.title = `${t('auth.login')} · ${t('app.shortName')}`;
  }, [t]);

  const login = useMutation({
    mutationFn: (values: LoginValues) =>
      api.post<SessionInfo>('/api/auth/login', values, { noAuthRedirect: true }).then(reconcileLocale),
    onSuccess: (session) => {
      setSession(session);
      if (session.user.mustChangePassword) navigate('/profile', { replace: true, state: { mustChangePassword: true } });
      else navigate(state.from && state.from !== '/login' ? state.from : '/', { replace: true });
    },
  });

  const error = login.error;
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{
        minHeight: '100vh',
        padding: 16,
        background: 'linear-gradient(160deg, #0f2747 0%, #1f5fbf 55%, #e8eef8 55.1%, #f0f2f5 100%)',
      }}
    >
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 400, marginBottom: 8 }}>
        <LanguageSwitch style={{ color: '#fff' }} />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 400, boxShadow: '0 8px 24px rgba(15,39,71,0.18)' }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <span className="zoneos-brand-mark" aria-hidden="true" style={{ width: 44, height: 44, fontSize: 22 }}>
            Z
          </span>
          <Typography.Title level={3} style={{ margin: '8px 0 0', textAlign: 'center' }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">ZoneOS · {t('app.tagline')}</Typography.Text>
        </Flex>
        {state.expired && !error && (
          <Alert type="info" showIcon title={t('auth.sessionExpired')} style={{ marginBottom: 16 }} />
        )}
        {error && (
          <Alert
            type={isApiError(error) && error.status === 429 ? 'warning' : 'error'}
            showIcon
            title={error.message}
            style={{ marginBottom: 16 }}
            role="alert"
          />
        )}
        <Form<LoginValues>
          name="login"
          layout="vertical"
          onFinish={(v) => login.mutate(v)}
          requiredMark={false}
          size="large"
        >
          <Form.Item label={t('auth.username')} {...field('username')}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('auth.password')} {...field('password')}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('auth.loginButton')}
          </Button>
        </Form>
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 24, fontSize: 12 }}>
        {t('app.footer', { year: new Date().getFullYear() })}
      </Typography.Text>
    </Flex>
  );
}
