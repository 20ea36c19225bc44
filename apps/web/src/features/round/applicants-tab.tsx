import { Badge, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keys, useApiQuery } from '../../api/query';
import { formatDateTime } from '../../format';
import { useSession } from '../../session-context';
import { listApplicants } from './api';
import { LoadingOr } from './loading-or';
import { byRank, stagesScored, standingOf, type Standing } from './applicant-standing';
import { formatNumber, useLocale } from './locale';
import { Pager, usePaged } from './paging';
import { useSearchParam } from './search-param';
import { ToneBadge } from './status-badge';
import { TableHead } from './table-head';
import { parseSummary } from './timeline-summary';
import type { ApplicantsView, ApplicantView, RoundView } from './types';

const PAGE_SIZE = 50;
const STANDINGS: readonly Standing[] = ['proceeding', 'pending', 'eliminated', 'ineligible', 'withdrawn'];
const STANDING_COLOR: Record<Standing, string> = {
  proceeding: 'green',
  pending: 'gray',
  eliminated: 'orange',
  ineligible: 'red',
  withdrawn: 'gray',
};

/** One post's applicants with their stage results, loaded when the post is chosen. */
export function ApplicantsTab({ round }: { round: RoundView }): React.JSX.Element {
  const { t } = useTranslation('round');
  const { api } = useSession();
  const locale = useLocale();
  const [asked, setPost] = useSearchParam('post');
  const postId = asked ?? round.posts[0]?.postId ?? '';
  const applicants = useApiQuery(keys.applicants(round.id, postId), () =>
    listApplicants(api, round.id, postId),
  );
  const options = round.posts.map((p) => ({
    value: p.postId,
    label: t('applicants.postOption', {
      post: p.title ?? p.postId,
      count: formatNumber(p.applicants, locale),
    }),
  }));
  return (
    <Stack gap="sm">
      <Select
        label={t('applicants.post')}
        data={options}
        value={postId}
        onChange={(next) => next && setPost(next)}
        allowDeselect={false}
        searchable
        maw={520}
      />
      <LoadingOr loaded={applicants} label={t('applicants.loading')}>
        {(data) => <PostApplicants view={data} />}
      </LoadingOr>
    </Stack>
  );
}

function PostApplicants({ view }: { view: ApplicantsView }): React.JSX.Element {
  const { t } = useTranslation('round');
  const locale = useLocale();
  const [query, setQuery] = useState('');
  const [standing, setStanding] = useState<string | null>(null);
  const stages = useMemo(() => stagesScored(view.applicants), [view]);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return view.applicants
      .filter(
        (a) =>
          (!standing || standingOf(a) === standing) &&
          (!q || [a.name, a.nip, a.applicantId].some((v) => v?.toLowerCase().includes(q))),
      )
      .sort(byRank);
  }, [view, query, standing]);
  const paged = usePaged(shown, PAGE_SIZE);
  return (
    <Stack gap="sm">
      <Publications view={view} />
      <Group align="flex-end">
        <TextInput
          label={t('applicants.search')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          w={280}
        />
        <Select
          label={t('applicants.standing')}
          placeholder={t('applicants.allStandings')}
          data={STANDINGS.map((s) => ({ value: s, label: t(`standing.${s}`) }))}
          value={standing}
          onChange={setStanding}
          clearable
          w={220}
        />
      </Group>
      {view.applicants.length === 0 ? (
        <Text>{t('applicants.empty')}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover data-testid="applicants">
              <TableHead
                columns={[
                  t('applicants.rank'),
                  t('applicants.name'),
                  t('applicants.registeredAt'),
                  t('applicants.standing'),
                  ...stages.map((stage) => t('applicants.stageScore', { stage })),
                  t('applicants.total'),
                ]}
              />
              <Table.Tbody>
                {paged.slice.map((a) => (
                  <ApplicantRow key={a.applicantId} applicant={a} stages={stages} locale={locale} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager paged={paged} label={t('applicants.pages')} />
        </>
      )}
    </Stack>
  );
}

function ApplicantRow({
  applicant: a,
  stages,
  locale,
}: {
  applicant: ApplicantView;
  stages: string[];
  locale: string;
}): React.JSX.Element {
  const { t } = useTranslation('round');
  const standing = standingOf(a);
  const score = (value: number | null | undefined) =>
    value === null || value === undefined ? '–' : formatNumber(value, locale);
  return (
    <Table.Tr data-applicant-id={a.applicantId}>
      <Table.Td>{a.rank ?? '–'}</Table.Td>
      <Table.Td>
        <Text size="sm">{a.name ?? a.applicantId}</Text>
        <Text size="xs" c="dimmed">
          {a.nip ? t('applicants.nip', { nip: a.nip }) : a.applicantId}
          {a.invited ? ` · ${t('applicants.invited')}` : ''}
        </Text>
      </Table.Td>
      <Table.Td>{formatDateTime(a.registeredAt, locale)}</Table.Td>
      <Table.Td>
        <ToneBadge color={STANDING_COLOR[standing]}>{t(`standing.${standing}`)}</ToneBadge>
        {standing === 'eliminated' && a.eliminatedAt && (
          <Text size="xs" mt={2}>
            {t('applicants.eliminatedAt', { stage: a.eliminatedAt })}
          </Text>
        )}
      </Table.Td>
      {stages.map((stage) => (
        <Table.Td key={stage}>{score(a.scores[stage])}</Table.Td>
      ))}
      <Table.Td>{score(a.total)}</Table.Td>
    </Table.Tr>
  );
}

/** The post's published rankings (R21), newest last, with the stage each published. */
function Publications({ view }: { view: ApplicantsView }): React.JSX.Element {
  const { t } = useTranslation('round');
  const locale = useLocale();
  if (view.publications.length === 0) return <Text size="sm">{t('applicants.noPublications')}</Text>;
  return (
    <Group gap="xs">
      <Text size="sm" fw={500}>
        {t('applicants.published')}
      </Text>
      {view.publications.map((p) => {
        const stage =
          parseSummary('StageResultsPublished', p.summary).parts.find((part) => part.kind === 'stage')
            ?.value ?? '?';
        return (
          <Badge key={p.version} variant="outline" color="blue" tt="none">
            {t('applicants.publication', { stage, time: formatDateTime(p.at, locale) })}
          </Badge>
        );
      })}
    </Group>
  );
}
