import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api';
import { clearClientState } from '../session';

/** Logs out this session (or every session of the account) and returns to /login. */
export function useLogout() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { t } = useTranslation();
  return async (everywhere = false) => {
    try {
      await api.post(everywhere ? '/api/auth/logout-all' : '/api/auth/logout', {}, { noAuthRedirect: true });
      message.success(everywhere ? t('auth.loggedOutEverywhere') : t('auth.loggedOut'));
    } catch {
      // the session may already be gone; log out locally anyway
    }
    clearClientState(client);
    navigate('/login', { replace: true });
  };
}
