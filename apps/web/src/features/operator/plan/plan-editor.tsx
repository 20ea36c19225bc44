import { NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { Policy } from '@selter/domain';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckList } from './check-list';
import { replacementChecks } from './checks';
import type { PlanDraft } from './draft';
import { PanselEditor } from './pansel-editor';
import { PostsEditor } from './posts-editor';
import { ScheduleEditor } from './schedule-editor';
import { StagesEditor } from './stages-editor';

const LEVELS: PlanDraft['agencyLevel'][] = ['province', 'regency', 'city'];

/**
 * A whole round plan (PP 11/2017 Pasal 114(1)): posts with their SKJ and requirements, the pansel,
 * the stage catalogue and the schedule, each part checked live against `policy` (guidance only).
 * Used to plan a round and to revise a plan.
 */
export function PlanEditor({ value, onChange, policy, today }: { value: PlanDraft; onChange: React.Dispatch<React.SetStateAction<PlanDraft>>; policy: Policy | undefined; today: string }): React.JSX.Element {
  const { t } = useTranslation('operator');
  // Stable setters and memoised parts: typing in one part re-renders only that part (a plan may hold 20 posts).
  const set = useCallback((patch: Partial<PlanDraft>) => onChange((draft) => ({ ...draft, ...patch })), [onChange]);
  const setPosts = useCallback((posts: PlanDraft['posts']) => set({ posts }), [set]);
  const setStages = useCallback((stages: PlanDraft['stages']) => set({ stages }), [set]);
  const { announcementOn, registrationDeadline, referenceDate, providerName, providerAccredited, election } = value;
  const schedule = useMemo(() => ({ announcementOn, registrationDeadline, referenceDate, providerName, providerAccredited, election }), [announcementOn, registrationDeadline, referenceDate, providerName, providerAccredited, election]);
  return (
    <Stack gap="xl">
      <Section title={t('plan.round')}>
        <TextInput label={t('plan.name')} required value={value.name} onChange={(e) => set({ name: e.currentTarget.value })} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('plan.agencyName')} required value={value.agencyName} onChange={(e) => set({ agencyName: e.currentTarget.value })} />
          <NativeSelect label={t('plan.agencyLevel')} value={value.agencyLevel} onChange={(e) => set({ agencyLevel: e.currentTarget.value as PlanDraft['agencyLevel'] })} data={LEVELS.map((level) => ({ value: level, label: t(`agencyLevel.${level}`) }))} />
        </SimpleGrid>
      </Section>
      <Section title={t('plan.posts')} hint={t('plan.postsHint')}>
        <PostsEditor value={value.posts} onChange={setPosts} />
        {policy && <CheckList label={t('plan.postChecks')} checks={replacementChecks(value, today, policy)} />}
      </Section>
      <Section title={t('plan.pansel')} hint={t('plan.panselHint')}>
        <PanselEditor decreeNumber={value.decreeNumber} members={value.members} policy={policy} onChange={set} />
      </Section>
      <Section title={t('plan.stages')} hint={t('plan.stagesHint')}>
        <StagesEditor value={value.stages} onChange={setStages} />
      </Section>
      <Section title={t('plan.schedule')}>
        <ScheduleEditor value={schedule} policy={policy} onChange={set} />
      </Section>
    </Stack>
  );
}

function Section({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }): React.JSX.Element {
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
