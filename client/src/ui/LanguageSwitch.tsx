import { useTranslation } from 'react-i18next';
import { setLanguage, type UiLanguage } from '../i18n/index.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.language as UiLanguage;
  return (
    <fieldset className="language-switch" aria-label={t('language.label')}>
      {(['zh', 'en'] as const).map((lang) => (
        <button
          key={lang}
          type="button"
          aria-pressed={current === lang}
          lang={lang === 'zh' ? 'zh-CN' : 'en'}
          onClick={() => setLanguage(lang)}
        >
          {t(`language.${lang}`)}
        </button>
      ))}
    </fieldset>
  );
}
