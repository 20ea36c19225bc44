import { Alert, Anchor, Button, Group, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { keys, useApiQuery } from '../../api/query';
import { LoadedPage } from '../../components/page';
import { ROUTES } from '../../routes';
import { useSession } from '../../session-context';
import { AUDITING_ROLES } from '../audit/api';
import { getRound } from './api';
import { ApplicantsTab } from './applicants-tab';
import { PendingDecisions } from './pending-decisions';
import { PostsTab } from './posts-tab';
import { PublicationsTab } from './publications-tab';
import { useSearchParam } from './search-param';
import { RoundStatusBadge } from './status-badge';
import { TimelineTab } from './timeline-tab';
import type { RoundView as Round } from './types';

const TABS = ['posts', 'applicants', 'publications', 'timeline'] as const;
type Tab = (typeof TABS)[number];

/**
 * A round: its posts, each post's applicants and stage results, the published rankings and the
 * timeline of every event. The page is ready (aria-busy false) once the round and its posts are
 * shown; the other tabs load when opened, applicants one post at a time and the timeline by page,
 * so a round of 1,500 applicants and thousands of events opens as fast as a small one.
 */
export function RoundView(): React.JSX.Element {
  const { t } = useTranslation('round');
  const { roundId = '' } = useParams();
  const { api } = useSession();
  const round = useApiQuery(keys.roundView(roundId), () => getRound(api, roundId));
  const title = round.state === 'ready' ? (round.data.name ?? round.data.id) : t('view.title');
  return (
    <LoadedPage name="round-view" title={title} loaded={round} actions={<RoundLinks roundId={roundId} />}>
      {(data) => <RoundBody round={data} />}
    </LoadedPage>
  );
}

/**
 * Whether the caller only follows this round: staff of another agency reach it only as the province
 * over the round's agency, which reads and decides nothing (ADR 30). The API decides either way.
 */
function useFollowsOnly(roundId: string): boolean {
  const { session } = useSession();
  const agency = session?.user.agency;
  return agency !== undefined && !roundId.startsWith(`round-${agency}-`);
}

/** Where the caller's role can go from here; the API still decides what each may do. */
function RoundLinks({ roundId }: { roundId: string }): React.JSX.Element {
  const { t } = useTranslation('round');
  const { session } = useSession();
  const role = session?.user.role ?? '';
  const followsOnly = useFollowsOnly(roundId);
  const operates = (role === 'operator' && !followsOnly) || role === 'admin';
  return (
    <Group gap="xs">
      {operates && (
        <Button component={Link} to={ROUTES.manage(roundId)} variant="light">
          {t('view.manage')}
        </Button>
      )}
      {operates && (
        <Button component={Link} to={ROUTES.register(roundId)} variant="light">
          {t('view.register')}
        </Button>
      )}
      {AUDITING_ROLES.has(role) && (
        <Button component={Link} to={ROUTES.audit(roundId)} variant="light">
          {t('view.audit')}
        </Button>
      )}
    </Group>
  );
}

function RoundBody({ round }: { round: Round }): React.JSX.Element {
  const { t } = useTranslation('round');
  const [asked, setTab] = useSearchParam('tab');
  const tab: Tab = TABS.find((name) => name === asked) ?? 'posts';
  const choose = (next: string | null) => setTab(next ?? 'posts');
  const followsOnly = useFollowsOnly(round.id);
  return (
    <>
      <Group gap="md" wrap="wrap">
        <RoundStatusBadge status={round.status} />
        <Text size="sm">
          {t('view.agency')}: <strong>{round.agencyName ?? round.agency}</strong>
        </Text>
        <Text size="sm" c="dimmed">
          {round.id}
        </Text>
        <Anchor component={Link} to={ROUTES.publik(round.agency)} size="sm">
          {t('view.publicPage')}
        </Anchor>
      </Group>
      {followsOnly && (
        <Alert color="gray" role="note" data-testid="followed-by-province">
          {t('view.followedByProvince')}
        </Alert>
      )}
      <PendingDecisions roundId={round.id} />
      {/* Only the open tab is mounted: each loads what it shows when first opened. */}
      <Tabs value={tab} onChange={choose} keepMounted={false}>
        <Tabs.List>
          {TABS.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="posts" pt="md">
          <PostsTab round={round} />
        </Tabs.Panel>
        <Tabs.Panel value="applicants" pt="md">
          <ApplicantsTab round={round} />
        </Tabs.Panel>
        <Tabs.Panel value="publications" pt="md">
          <PublicationsTab round={round} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md">
          <TimelineTab roundId={round.id} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
