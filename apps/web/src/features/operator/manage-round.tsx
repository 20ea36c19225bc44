import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';

/** Placeholder until this feature's page lands. */
export function ManageRound(): React.JSX.Element {
  const { t } = useTranslation('operator');
  return <Page name="manage-round" title={t('manageTitle')} />;
}
