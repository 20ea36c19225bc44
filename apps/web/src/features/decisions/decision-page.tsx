import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';

/** Placeholder until this feature's page lands. */
export function DecisionPage(): React.JSX.Element {
  const { t } = useTranslation('decisions');
  return <Page name="decision" title={t('title')} />;
}
