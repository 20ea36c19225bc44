import { useTranslation } from 'react-i18next';

/** The console's shell. */
export function App(): React.JSX.Element {
  const { t } = useTranslation();
  return <main>{t('app.title')}</main>;
}
