import { Checkbox, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DecisionSubmit } from '../../../components/decision-submit';
import { applicantName, finalistsOf, rankedProceeding, SHORTLIST_SIZE } from '../applicants';
import { shortlistBody } from '../bodies';
import { useDecisionData } from '../context';
import type { DecisionFormProps } from '../form-contract';
import { RankingTable } from './ranking-table';

/** ProposeShortlist: the pansel picks the three best of the ranked passing applicants (R22); the best three are preselected. */
export function ProposeShortlistForm({ roundId, postId, onDone }: DecisionFormProps): React.JSX.Element {
  const { t } = useTranslation('decisions');
  const { applicants } = useDecisionData();
  const ranked = rankedProceeding(applicants);
  const [picked, setPicked] = useState<string[]>(() => finalistsOf(applicants).map((a) => a.applicantId));
  // In ranking order, whatever order they were ticked in.
  const finalists = ranked.filter((a) => picked.includes(a.applicantId)).map((a) => a.applicantId);
  const toggle = (applicantId: string, on: boolean) =>
    setPicked((all) => (on ? [...all, applicantId] : all.filter((id) => id !== applicantId)));
  if (ranked.length === 0) return <Text>{t('applicants.noneProceeding')}</Text>;
  return (
    <Stack gap="md">
      <Text>{t('shortlist.intro', { size: SHORTLIST_SIZE })}</Text>
      <RankingTable
        applicants={ranked}
        caption={t('shortlist.caption', { picked: finalists.length, size: SHORTLIST_SIZE })}
        control={{
          header: t('shortlist.pick'),
          cell: (a) => (
            <Checkbox
              aria-label={t('shortlist.pickOf', { name: applicantName(a) })}
              checked={picked.includes(a.applicantId)}
              onChange={(event) => toggle(a.applicantId, event.currentTarget.checked)}
            />
          ),
        }}
      />
      <DecisionSubmit
        roundId={roundId}
        type="ProposeShortlist"
        body={shortlistBody(postId, finalists)}
        onDone={onDone}
      />
    </Stack>
  );
}
