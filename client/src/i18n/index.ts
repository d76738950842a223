// i18next set-up: the browser's preferred language picks Chinese or English,
// a choice on the page overrides it and is remembered. Each screen keeps its
// strings in its own file under locales/, merged here under its own key.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { common } from './locales/common.ts';

export type UiLanguage = 'zh' | 'en';
const STORAGE_KEY = 'civic-rehearsal.language';

export function preferredLanguage(languages: readonly string[], stored: string | null): UiLanguage {
  if (stored === 'zh' || stored === 'en') return stored;
  for (const lang of languages) {
    const lower = lang.toLowerCase();
    if (lower.startsWith('zh')) return 'zh';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

function stored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

const resources = Object.fromEntries(
  (['zh', 'en'] as const).map((lang) => [
    lang,
    {
      translation: {
        ...common[lang],
      },
    },
  ]),
);

export const initialLanguage = preferredLanguage(navigator.languages ?? [navigator.language], stored());

void i18next.use(initReactI18next).init({
  resources,
  lng: initialLanguage,
  fallbackLng: 'zh',
  interpolation: { escapeValue: false },
  // Error codes contain "/" and ":"; keys are nested by "." only.
  nsSeparator: false,
});
document.documentElement.lang = initialLanguage === 'zh' ? 'zh-CN' : 'en';

export function setLanguage(lang: UiLanguage): void {
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

/**
 * A screen's strings, registered by the screen's own chunk when it loads:
 * a trainee's phone never downloads the observer's or the instructor's text.
 */
export function registerStrings(area: string, strings: { zh: object; en: object }): void {
  for (const lang of ['zh', 'en'] as const)
    i18next.addResourceBundle(lang, 'translation', { [area]: strings[lang] }, true, true);
}

export { i18next };
