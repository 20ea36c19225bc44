import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';

/** Placeholder until this feature's page lands. */
export function PublicPage(): React.JSX.Element {
  const { t } = useTranslation('public');
  return <Page name="public" title={t('title')} />;
}
