import { NativeSelect, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAssessmentCentres } from '../../../components/assessment-centres';
import { DateField } from '../date-field';
import type { PlanDraft } from './draft';
import { FindingList } from './finding-list';
import type { PlanJudgement } from './use-plan-check';

type Part = Pick<
  PlanDraft,
  | 'announcementOn'
  | 'registrationDeadline'
  | 'referenceDate'
  | 'providerName'
  | 'providerCentreId'
  | 'election'
>;

/** The schedule (R4's lead time judged live by the API), the assessment provider, and the election calendar (R29). */
export const ScheduleEditor = memo(function ScheduleEditor({
  value,
  judgement,
  onChange,
}: {
  value: Part;
  judgement: PlanJudgement;
  onChange: (patch: Partial<Part>) => void;
}): React.JSX.Element {
  const { t } = useTranslation('operator');
  const election = value.election;
  const centres = useAssessmentCentres();
  const setElection = (patch: Partial<Part['election']>) => onChange({ election: { ...election, ...patch } });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateField
          label={t('schedule.announcementOn')}
          required
          value={value.announcementOn}
          onChange={(announcementOn) => onChange({ announcementOn })}
        />
        <DateField
          label={t('schedule.registrationDeadline')}
          required
          value={value.registrationDeadline}
          onChange={(registrationDeadline) => onChange({ registrationDeadline })}
          minDate={value.announcementOn ?? undefined}
        />
        <DateField
          label={t('schedule.referenceDate')}
          description={t('schedule.referenceDateHint')}
          required
          value={value.referenceDate}
          onChange={(referenceDate) => onChange({ referenceDate })}
        />
      </SimpleGrid>
      <FindingList judgement={judgement} section="schedule" label={t('schedule.checks')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('schedule.provider')}
          required
          value={value.providerName}
          onChange={(e) => onChange({ providerName: e.currentTarget.value })}
        />
        <NativeSelect
          label={t('schedule.centre')}
          description={t('schedule.centreHint')}
          required
          value={value.providerCentreId}
          onChange={(e) => {
            const centre = centres.find((c) => c.id === e.currentTarget.value);
            onChange({
              providerCentreId: e.currentTarget.value,
              ...(centre && !value.providerName.trim() ? { providerName: centre.name } : {}),
            });
          }}
          data={[
            { value: '', label: t('schedule.chooseCentre') },
            ...centres.map((c) => ({
              value: c.id,
              label: c.validUntil
                ? `${c.name} (${t('schedule.centreUntil', { date: c.validUntil })})`
                : c.name,
            })),
          ]}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateField
          label={t('schedule.headInauguratedOn')}
          description={t('schedule.headInauguratedOnHint')}
          value={election.headInauguratedOn}
          onChange={(headInauguratedOn) => setElection({ headInauguratedOn })}
        />
        <DateField
          label={t('schedule.candidateDeterminationOn')}
          value={election.candidateDeterminationOn}
          onChange={(candidateDeterminationOn) => setElection({ candidateDeterminationOn })}
        />
        <DateField
          label={t('schedule.termEndsOn')}
          value={election.termEndsOn}
          onChange={(termEndsOn) => setElection({ termEndsOn })}
        />
      </SimpleGrid>
      <Switch
        label={t('schedule.actingHead')}
        checked={election.actingHead}
        onChange={(e) => setElection({ actingHead: e.currentTarget.checked })}
      />
    </Stack>
  );
});
