import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, LANGUAGES, type Language } from '../i18n';

/** The language switch, for the shell and the public page. */
export function LanguageSwitch(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'id';
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={language}
      onChange={(next) => void chooseLanguage(next as Language)}
      data={LANGUAGES.map((value) => ({ value, label: value === 'id' ? 'Bahasa Indonesia' : 'English' }))}
    />
  );
}
