import type { Locale, SessionInfo } from '@shared/auth';
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { changeLocale, currentLocale } from '../i18n';
import { useSession, useSetSession } from '../session';

/** Current language plus a switcher that also saves it to the profile when logged in. */
export function useLocale() {
  const { i18n } = useTranslation();
  const session = useSession();
  const setSession = useSetSession();
  const { message } = App.useApp();
  const locale = (i18n.language as Locale) ?? currentLocale();

  const setLocale = useCallback(
    async (next: Locale) => {
      await changeLocale(next);
      if (!session || session.user.locale === next) return;
      try {
        const updated = await api.put<SessionInfo>('/api/auth/profile', {
          displayName: session.user.displayName,
          locale: next,
        });
        setSession(updated);
      } catch (e) {
        message.error((e as Error).message);
      }
    },
    [session, setSession, message],
  );

  return { locale, setLocale };
}
