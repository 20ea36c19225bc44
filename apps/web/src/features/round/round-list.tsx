import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';

/** Placeholder until this feature's page lands. */
export function RoundList(): React.JSX.Element {
  const { t } = useTranslation('round');
  return <Page name="round-list" title={t('listTitle')} />;
}
