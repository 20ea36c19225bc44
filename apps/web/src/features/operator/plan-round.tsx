import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';

/** Placeholder until this feature's page lands. */
export function PlanRound(): React.JSX.Element {
  const { t } = useTranslation('operator');
  return <Page name="plan-round" title={t('planTitle')} />;
}
