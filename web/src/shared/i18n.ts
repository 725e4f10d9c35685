import type { Locale } from '@shared/auth';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { use } from 'react';
import { initReactI18next } from 'react-i18next';
// Only the messages of the login page and the shell (layout, menu, header, errors) are in the entry bundle (Vite
// keeps just these top-level keys of the JSON). The whole file of each language is its own chunk, fetched in the
// background at start and awaited by every page (`useAllMessages`) — keeps the login and shell under the
// initial-JS budget (bench/web.ts).
import { app, auth, common, errors, header, locale, menu, permission } from './locales/zh-CN.json';

const zhShell = { app, auth, common, errors, header, locale, menu, permission };

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

// `?raw`: a module of its own (the statically imported one above is tree-shaken to the shell's keys).
const loaders: Record<Locale, () => Promise<Record<string, unknown>>> = {
  'zh-CN': () => import('./locales/zh-CN.json?raw').then((m) => JSON.parse(m.default) as Record<string, unknown>),
  'en-US': () => import('./locales/en-US.json?raw').then((m) => JSON.parse(m.default) as Record<string, unknown>),
};

const loading = new Map<Locale, Promise<void>>();

/** Loads all of a language's messages once (before switching to it, and before any page renders). */
export function ensureLocale(lng: Locale): Promise<void> {
  let p = loading.get(lng);
  if (!p) {
    p = loaders[lng]().then((messages) => {
      i18n.addResourceBundle(lng, 'translation', messages, true, true);
    });
    p.catch(() => loading.delete(lng)); // a failed fetch is retried on the next render
    loading.set(lng, p);
  }
  return p;
}

/** Suspends a page until all messages of the current language are loaded (the shell renders meanwhile). */
export function useAllMessages(): void {
  use(ensureLocale(currentLocale()));
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhShell } },
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
  // Chinese: the shell's messages are bundled, the rest arrives while the login page or shell renders.
  if (lng === 'zh-CN') void ensureLocale(lng).catch(() => undefined);
  else await ensureLocale(lng);
  if (i18n.language !== lng) await i18n.changeLanguage(lng);
}

export default i18n;
