import { Anchor, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DecisionSubmit } from '../../../components/decision-submit';
import { ROUTES } from '../../../routes';
import { applicantName } from '../applicants';
import { chooseAppointeeBody } from '../bodies';
import { useDecisionData } from '../context';
import type { DecisionFormProps } from '../form-contract';
import { ReasonField, RuleNote } from './fields';
import { RankingTable } from './ranking-table';
import { useShortlist } from './use-shortlist';

/** ChooseAppointee: the PPK picks exactly one of this post's tiga besar (R23); a Sekwan then needs the DPRD leadership's approval (R25). */
export function ChooseAppointeeForm({ roundId, postId, onDone }: DecisionFormProps): React.JSX.Element {
  const { t } = useTranslation('decisions');
  const { post } = useDecisionData();
  const { finalists, caption } = useShortlist(true);
  const [applicantId, setApplicantId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  return (
    <Stack gap="md">
      <RuleNote ruleId="R23">{t('choose.why')}</RuleNote>
      {post?.kind === 'sekwan' && (
        // The DPRD leadership approves or refuses the finalist chosen here (R25); a consultation before is optional.
        <RuleNote ruleId="R25">
          {t('choose.sekwan')}{' '}
          <Anchor component={Link} to={ROUTES.decide(roundId, 'ConsultDprdLeadership', postId)}>
            {t('choose.consultLink')}
          </Anchor>
        </RuleNote>
      )}
      {post?.kind === 'sekda' && <RuleNote ruleId="R24">{t('choose.sekda')}</RuleNote>}
      <Radio.Group label={t('choose.label')} value={applicantId} onChange={setApplicantId} required>
        <RankingTable
          applicants={finalists}
          caption={caption}
          control={{
            header: t('choose.pick'),
            cell: (a) => (
              <Radio value={a.applicantId} aria-label={t('choose.pickOf', { name: applicantName(a) })} />
            ),
          }}
        />
      </Radio.Group>
      {finalists.length === 0 && <Text>{t('applicants.noneProceeding')}</Text>}
      <ReasonField
        label={t('choose.note')}
        description={t('reason.optional')}
        value={note}
        onChange={setNote}
      />
      <DecisionSubmit
        roundId={roundId}
        type="ChooseAppointee"
        body={chooseAppointeeBody(postId, applicantId, note)}
        onDone={onDone}
      />
    </Stack>
  );
}
