import { Autocomplete } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { scoredStages } from '../applicants';
import { useDecisionData } from '../context';

/**
 * The stage a decision is for. The API's read endpoints do not yet give the round's stage
 * catalogue, so the stage id is typed, with the ids the applicants already have scores for as
 * suggestions; the dry run refuses an unknown or out-of-order stage with its rule (R21).
 */
export function StageField({ value, onChange }: { value: string; onChange: (stageId: string) => void }): React.JSX.Element {
  const { t } = useTranslation('decisions');
  const { applicants } = useDecisionData();
  return (
    <Autocomplete
      label={t('stage.id')}
      description={t('stage.idHint')}
      data={scoredStages(applicants)}
      value={value}
      onChange={onChange}
      maxLength={64}
      required
      w={{ base: '100%', sm: 320 }}
    />
  );
}
