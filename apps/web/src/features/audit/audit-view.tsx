import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';

/** Placeholder until this feature's page lands. */
export function AuditView(): React.JSX.Element {
  const { t } = useTranslation('audit');
  return <Page name="audit" title={t('title')} />;
}
