import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../i18n';

/** The language switch, for the shell and the public page. */
export function LanguageSwitch(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'id';
  function change(next: string): void {
    document.documentElement.lang = next;
    void i18n.changeLanguage(next);
  }
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={language}
      onChange={change}
      data={LANGUAGES.map((value) => ({ value, label: value === 'id' ? 'Bahasa Indonesia' : 'English' }))}
    />
  );
}

