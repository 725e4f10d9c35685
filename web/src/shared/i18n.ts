import type { Locale } from '@shared/auth';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
// The default language is in the entry bundle; English is its own chunk, fetched when chosen (keeps the login and
// shell under the initial-JS budget — bench/web.ts).
import zhCN from './locales/zh-CN.json';

export const LOCALE_KEY = 'zoneos.locale';
export const SUPPORTED_LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(v);
}

export function storedLocale(): Locale | null {
  try {
    const v = localStorage.getItem(LOCALE_KEY);
    return isLocale(v) ? v : null;
  } catch {
    return null;
  }
}

function applyDocumentLocale(lng: string): void {
  dayjs.locale(lng === 'zh-CN' ? 'zh-cn' : 'en');
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}

const loaders: Record<Locale, () => Promise<Record<string, unknown>>> = {
  'zh-CN': async () => zhCN,
  'en-US': () => import('./locales/en-US.json').then((m) => m.default as Record<string, unknown>),
};

/** Loads a language's messages once (before switching to it, or before the first render). */
export async function ensureLocale(lng: Locale): Promise<void> {
  if (i18n.hasResourceBundle(lng, 'translation')) return;
  i18n.addResourceBundle(lng, 'translation', await loaders[lng](), true, true);
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN } },
  partialBundledLanguages: true,
  lng: storedLocale() ?? 'zh-CN',
  fallbackLng: 'zh-CN',
  supportedLngs: SUPPORTED_LOCALES as Locale[],
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});
applyDocumentLocale(i18n.language);
i18n.on('languageChanged', applyDocumentLocale);

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'zh-CN';
}

/** Switches the UI language and remembers it in localStorage. */
export async function changeLocale(lng: Locale): Promise<void> {
  try {
    localStorage.setItem(LOCALE_KEY, lng);
  } catch {
    // ignore
  }
  await ensureLocale(lng);
  if (i18n.language !== lng) await i18n.changeLanguage(lng);
}

/** Before the first render: the stored language's messages are loaded and active. */
export async function initLocale(): Promise<void> {
  const lng = storedLocale() ?? 'zh-CN';
  await ensureLocale(lng);
  if (i18n.language !== lng) await i18n.changeLanguage(lng);
}

export default i18n;
