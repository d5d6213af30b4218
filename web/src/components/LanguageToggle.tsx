import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { SUPPORTED_LANGUAGES, changeLanguage, currentLanguage, type Language } from '../i18n';

interface LanguageToggleProps {
  compact?: boolean;
}

/** 中文 / English switch; the choice is persisted by changeLanguage. */
export function LanguageToggle({ compact = false }: LanguageToggleProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const options = SUPPORTED_LANGUAGES.map((value) => ({
    value,
    // Each language name is shown in its own language and marked up as such for screen readers.
    label: <span lang={value}>{t(`language.${value}`)}</span>,
  }));

  return (
    <Segmented<Language>
      aria-label={t('language.label')}
      size={compact ? 'small' : 'medium'}
      options={options}
      value={language}
      onChange={(value) => void changeLanguage(value)}
    />
  );
}
