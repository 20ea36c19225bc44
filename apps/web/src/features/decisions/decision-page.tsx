import { Alert, Anchor, Button, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { DecisionResult } from '../../api/decisions';
import { keys, useApiQuery } from '../../api/query';
import { LoadedPage } from '../../components/page';
import { ROUTES } from '../../routes';
import { useSession } from '../../session-context';
import { stageInProgress, withRecorded } from './applicants';
import { DecisionDataProvider, loadDecisionData, type DecisionData } from './context';
import { formFor, REPEATED, ROUND_WIDE } from './forms';
import { DecisionSummary } from './summary';

/**
 * One decision on a round (the inbox's "Putuskan" links here): what is decided, for which post,
 * waiting since when, and the form for its type. After a recorded decision: back to the inbox or
 * on to the round; decisions taken one applicant or batch at a time keep their form for the next.
 */
export function DecisionPage(): React.JSX.Element {
  const { t } = useTranslation('decisions');
  const { t: tc } = useTranslation();
  const { roundId = '', type = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const postId = search.get('post');
  const { api, session } = useSession();
  // Under the round's key: a decision sent here refetches it once the read models show it (ADR 23).
  const loaded = useApiQuery([...keys.round(roundId), 'decision', postId, type], () =>
    loadDecisionData(api, session, roundId, postId, type),
  );
  // Every decision recorded on this page (this round, post and type): the last one is announced,
  // all are laid over what was read (the next form starts from them).
  const scope = `${roundId}/${postId ?? ''}/${type}`;
  const [recordedIn, setRecorded] = useState<{ scope: string; results: DecisionResult[] }>({
    scope,
    results: [],
  });
  const recorded = recordedIn.scope === scope ? recordedIn.results : [];
  const done = recorded[recorded.length - 1] ?? null;
  const events = recorded.flatMap((r) => r.events);
  const Form = formFor(type);
  const title = type ? tc(`commands.${type}`, { defaultValue: type }) : t('title');
  const needsPost = !ROUND_WIDE.has(type) && !postId;

  const onRecorded = (result: DecisionResult) =>
    setRecorded((all) => ({ scope, results: all.scope === scope ? [...all.results, result] : [result] }));

  return (
    <LoadedPage name="decision" title={title} loaded={loaded}>
      {(ready) => (
        <DecisionDataProvider
          value={{
            ...ready,
            applicants: withRecorded(ready.applicants, events),
            stageInProgress: stageInProgress(events),
          }}
        >
          <Stack gap="lg">
            <DecisionSummary data={ready} />
            {!ready.waiting && ready.post !== null && (
              <Text size="sm" c="gray.7">
                {t('notWaiting')}
              </Text>
            )}
            {done && <Recorded roundId={roundId} result={done} />}
            {!type ? (
              <Awaited data={ready} />
            ) : !Form ? (
              <Unknown
                type={type}
                known={tc(`commands.${type}`, { defaultValue: '' }) !== ''}
                roundId={roundId}
              />
            ) : needsPost ? (
              <Select
                label={t('pickPost')}
                data={ready.round.posts.map((p) => ({ value: p.postId, label: p.title ?? p.postId }))}
                value={null}
                onChange={(value) => value && setSearch({ post: value })}
                w={{ base: '100%', sm: 420 }}
              />
            ) : done && !REPEATED.has(type) ? null : (
              // A fresh form after each recorded decision, its defaults (the next applicant) from what was recorded.
              <Form key={recorded.length} roundId={roundId} postId={postId} onDone={onRecorded} />
            )}
          </Stack>
        </DecisionDataProvider>
      )}
    </LoadedPage>
  );
}

function Recorded({ roundId, result }: { roundId: string; result: DecisionResult }): React.JSX.Element {
  const { t } = useTranslation('decisions');
  return (
    <Alert color="green" title={t('done.title')} role="status" data-testid="decision-done">
      <Text size="sm">
        {t('done.events', {
          events: result.events.map((event) => event.type).join(', '),
          version: result.version,
        })}
      </Text>
      <Group mt="sm">
        <Button component={Link} to={ROUTES.home} size="xs">
          {t('done.inbox')}
        </Button>
        <Button component={Link} to={ROUTES.round(roundId)} size="xs" variant="default">
          {t('done.round')}
        </Button>
      </Group>
    </Alert>
  );
}

function Unknown({
  type,
  known,
  roundId,
}: {
  type: string;
  known: boolean;
  roundId: string;
}): React.JSX.Element {
  const { t } = useTranslation('decisions');
  return (
    <Alert
      color="yellow"
      title={t(known ? 'unknown.noForm' : 'unknown.title')}
      role="alert"
      data-testid="decision-unknown"
    >
      <Text size="sm">{t(known ? 'unknown.noFormDetail' : 'unknown.detail', { type })}</Text>
      <Group mt="sm">
        <Anchor component={Link} to={ROUTES.home}>
          {t('done.inbox')}
        </Anchor>
        <Anchor component={Link} to={ROUTES.round(roundId)}>
          {t('done.round')}
        </Anchor>
      </Group>
    </Alert>
  );
}

/** Without a type: the decisions on this round that wait on the caller, each a link to its form. */
function Awaited({ data }: { data: DecisionData }): React.JSX.Element {
  const { t } = useTranslation('decisions');
  const { t: tc } = useTranslation();
  const items = data.waitingHere;
  if (items.length === 0) return <Text>{t('nothingWaiting')}</Text>;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4" id="waiting-here">
        {t('waitingHere')}
      </Title>
      <List aria-labelledby="waiting-here">
        {items.map((item) => (
          <List.Item key={`${item.command}/${item.postId ?? ''}`}>
            <Anchor component={Link} to={ROUTES.decide(data.round.id, item.command, item.postId)}>
              {tc(`commands.${item.command}`, { defaultValue: item.command })}
              {item.postId
                ? ` · ${data.round.posts.find((p) => p.postId === item.postId)?.title ?? item.postId}`
                : ''}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
