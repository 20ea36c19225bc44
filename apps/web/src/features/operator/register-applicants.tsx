import { NativeSelect, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { keys, useApiQuery } from '../../api/query';
import { useSession } from '../../session-context';
import { loadApplicants } from './api';
import { ApplicantList } from './applicants/applicant-list';
import { ImportApplicants } from './applicants/import-applicants';
import { RegisterApplicantForm } from './forms/register-applicant';
import { RoundPage } from './round-page';
import type { RoundView } from './types';

/** Registers applicants for a round's posts: one by one (RegisterApplicant) or by importing a CSV/XLSX file. */
export function RegisterApplicants(): React.JSX.Element {
  const { t } = useTranslation('operator');
  const { roundId = '' } = useParams();
  return (
    <RoundPage name="register" title={t('registerTitle')} roundId={roundId} links={['round', 'manage']}>
      {(round, afterWrite) => <Registration round={round} afterWrite={afterWrite} />}
    </RoundPage>
  );
}

function Registration({
  round,
  afterWrite,
}: {
  round: RoundView;
  afterWrite: (version?: number | null) => void;
}): React.JSX.Element {
  const { t } = useTranslation('operator');
  const { api } = useSession();
  const [params, setParams] = useSearchParams();
  const open = round.posts.filter((post) => post.status === 'registration');
  const postId = params.get('post') ?? open[0]?.postId ?? round.posts[0]?.postId ?? null;
  const post = round.posts.find((p) => p.postId === postId);
  // Refetched with the round after a registration or an import (read your writes, ADR 23).
  const applicants = useApiQuery(keys.applicants(round.id, postId), () =>
    postId ? loadApplicants(api, round.id, postId) : Promise.resolve(null),
  );
  return (
    <Stack gap="lg">
      <Text size="sm">{t('register.intro', { round: round.name ?? round.id })}</Text>
      {open.length === 0 && (
        <Text size="sm" fw={500}>
          {t('register.noneOpen')}
        </Text>
      )}
      <NativeSelect
        label={t('register.post')}
        value={postId ?? ''}
        onChange={(e) => setParams({ post: e.currentTarget.value }, { replace: true })}
        data={round.posts.map((p) => ({
          value: p.postId,
          label: `${p.title ?? p.postId} · ${t(`postStatus.${p.status}`, { defaultValue: p.status })} · ${t('register.count', { count: p.applicants })}`,
        }))}
        maw={640}
      />
      <Tabs defaultValue="one">
        <Tabs.List>
          <Tabs.Tab value="one">{t('register.oneByOne')}</Tabs.Tab>
          <Tabs.Tab value="file">{t('register.fromFile')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="one" pt="md">
          {postId && (
            <RegisterApplicantForm key={postId} roundId={round.id} postId={postId} onDone={() => undefined} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="file" pt="md">
          <ImportApplicants roundId={round.id} onImported={(report) => afterWrite(report.version)} />
        </Tabs.Panel>
      </Tabs>
      <Stack gap="xs" component="section" aria-labelledby="registered">
        <Title order={2} size="h3" id="registered">
          {t('register.listTitle', { post: post?.title ?? postId ?? '' })}
        </Title>
        <ApplicantList loaded={applicants} />
      </Stack>
    </Stack>
  );
}
