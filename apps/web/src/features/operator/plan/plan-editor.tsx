import { NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDraft } from './draft';
import { FindingList } from './finding-list';
import { PanselEditor } from './pansel-editor';
import { PostsEditor } from './posts-editor';
import { ScheduleEditor } from './schedule-editor';
import { StagesEditor } from './stages-editor';
import type { PlanJudgement } from './use-plan-check';

const LEVELS: PlanDraft['agencyLevel'][] = ['province', 'regency', 'city'];

/**
 * A whole round plan (PP 11/2017 Pasal 114(1)): posts with their SKJ and requirements, the pansel,
 * the stage catalogue and the schedule, each part with the API's findings on it (`judgement`, from
 * POST /rounds/plan-check: the domain's own validators; guidance only, the API judges the plan sent).
 * Used to plan a round and to revise a plan.
 */
export function PlanEditor({
  value,
  onChange,
  judgement,
}: {
  value: PlanDraft;
  onChange: React.Dispatch<React.SetStateAction<PlanDraft>>;
  judgement: PlanJudgement;
}): React.JSX.Element {
  const { t } = useTranslation('operator');
  // Stable setters and memoised parts: typing in one part re-renders only that part (a plan may hold 20 posts).
  const set = useCallback(
    (patch: Partial<PlanDraft>) => onChange((draft) => ({ ...draft, ...patch })),
    [onChange],
  );
  const setPosts = useCallback((posts: PlanDraft['posts']) => set({ posts }), [set]);
  const setStages = useCallback((stages: PlanDraft['stages']) => set({ stages }), [set]);
  const { announcementOn, registrationDeadline, referenceDate, providerName, providerCentreId, election } =
    value;
  const schedule = useMemo(
    () => ({
      announcementOn,
      registrationDeadline,
      referenceDate,
      providerName,
      providerCentreId,
      election,
    }),
    [announcementOn, registrationDeadline, referenceDate, providerName, providerCentreId, election],
  );
  return (
    <Stack gap="xl">
      <FindingList judgement={judgement} section="plan" label={t('plan.planChecks')} />
      <Section title={t('plan.round')}>
        <TextInput
          label={t('plan.name')}
          required
          value={value.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('plan.agencyName')}
            required
            value={value.agencyName}
            onChange={(e) => set({ agencyName: e.currentTarget.value })}
          />
          <NativeSelect
            label={t('plan.agencyLevel')}
            value={value.agencyLevel}
            onChange={(e) => set({ agencyLevel: e.currentTarget.value as PlanDraft['agencyLevel'] })}
            data={LEVELS.map((level) => ({ value: level, label: t(`agencyLevel.${level}`) }))}
          />
        </SimpleGrid>
      </Section>
      <Section title={t('plan.posts')} hint={t('plan.postsHint')}>
        <PostsEditor value={value.posts} onChange={setPosts} />
        <FindingList judgement={judgement} section="posts" label={t('plan.postChecks')} />
      </Section>
      <Section title={t('plan.pansel')} hint={t('plan.panselHint')}>
        <PanselEditor
          decreeNumber={value.decreeNumber}
          members={value.members}
          judgement={judgement}
          onChange={set}
        />
      </Section>
      <Section title={t('plan.stages')} hint={t('plan.stagesHint')}>
        <StagesEditor value={value.stages} judgement={judgement} onChange={setStages} />
      </Section>
      <Section title={t('plan.schedule')}>
        <ScheduleEditor value={schedule} judgement={judgement} onChange={set} />
      </Section>
    </Stack>
  );
}

function Section({
  title,
  hint,
  children,
}: {
  title: string;
  hint?: string;
  children: React.ReactNode;
}): React.JSX.Element {
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Title order={2} size="h3">
        {title}
      </Title>
      {hint && (
        <Text size="sm" c="gray.7">
          {hint}
        </Text>
      )}
      {children}
    </Stack>
  );
}
