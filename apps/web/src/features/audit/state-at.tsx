import { Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format';
import { formatDate, formatNumber, useLocale } from '../round/locale';
import { Pager, usePaged } from '../round/paging';
import { PostStatusBadge, RoundStatusBadge, useEventLabel } from '../round/status-badge';
import { postsAt, roundDecisionsAt, stagesAt, type PostSummary } from './state-summary';
import type { RoundStateAt } from './types';
import { TableHead } from '../round/table-head';

const POSTS_PER_PAGE = 25;

/** The round right after one event: that event, then the round's status, decisions, stages and posts. */
export function StateAt({ at }: { at: RoundStateAt }): React.JSX.Element {
  const { t, i18n } = useTranslation('audit');
  const locale = useLocale();
  const { state, policy } = at;
  const decisions = roundDecisionsAt(state, (d) => formatDate(d, locale));
  const stages = stagesAt(state);
  return (
    <Stack gap="md" data-at={at.at}>
      <EventAt at={at} />
      <Group gap="md">
        <Group gap={6}>
          <Text size="sm">{t('state.status')}:</Text>
          <RoundStatusBadge status={state.status} />
        </Group>
        {policy && (
          <Text size="sm">
            {t('state.policy')}:{' '}
            {policy.title ? (
              <>
                <strong>{policy.title[i18n.language === 'en' ? 'en' : 'id']}</strong> ({policy.id})
              </>
            ) : (
              <strong>{policy.id}</strong>
            )}
          </Text>
        )}
      </Group>
      {decisions.length > 0 && (
        <List size="sm" spacing={2}>
          {decisions.map((d, i) => (
            <List.Item key={i}>
              {t(`decision.${d.key}`)}: {d.value}
            </List.Item>
          ))}
        </List>
      )}
      {stages.length > 0 && (
        <Text size="sm">
          {t('state.stages')}:{' '}
          {stages
            .map((s) => t('state.stage', { name: s.name, weight: formatNumber(s.weight, locale) }))
            .join(' · ')}
        </Text>
      )}
      <PostsAt posts={postsAt(state)} />
    </Stack>
  );
}

function EventAt({ at }: { at: RoundStateAt }): React.JSX.Element {
  const { t } = useTranslation('audit');
  const { t: tc } = useTranslation();
  const locale = useLocale();
  const eventLabel = useEventLabel();
  const e = at.event;
  return (
    <Paper bg="gray.0" p="sm" aria-live="polite" data-testid="event-at">
      <Text fw={600}>
        {t('event.heading', {
          version: formatNumber(e.version, locale),
          head: formatNumber(at.headVersion, locale),
          event: eventLabel(e.type),
        })}
      </Text>
      <Text size="sm">
        {t('event.recordedAt', { time: formatDateTime(e.at, locale) })}
        {e.actor
          ? ` · ${t('event.by', { actor: e.actor.id, role: tc(`roles.${e.actor.role}`, { defaultValue: e.actor.role }) })}`
          : ` · ${t('event.bySystem')}`}
        {e.postId ? ` · ${t('event.post', { post: e.postId })}` : ''}
      </Text>
      {e.reason && <Text size="sm">{t('event.reason', { reason: e.reason })}</Text>}
    </Paper>
  );
}

function PostsAt({ posts }: { posts: PostSummary[] }): React.JSX.Element | null {
  const { t } = useTranslation('audit');
  const paged = usePaged(posts, POSTS_PER_PAGE);
  if (posts.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('state.posts')}
      </Title>
      <Table.ScrollContainer minWidth={900}>
        <Table striped withTableBorder data-testid="posts-at">
          <TableHead
            columns={[
              t('posts.post'),
              t('posts.status'),
              t('posts.deadline'),
              t('posts.applicants'),
              t('posts.published'),
              t('posts.decisions'),
            ]}
          />
          <Table.Tbody>
            {paged.slice.map((post) => (
              <PostAtRow key={post.postId} post={post} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Pager paged={paged} label={t('posts.pages')} />
    </Stack>
  );
}

function PostAtRow({ post }: { post: PostSummary }): React.JSX.Element {
  const { t } = useTranslation('audit');
  const locale = useLocale();
  const n = (value: number) => formatNumber(value, locale);
  const c = post.counts;
  return (
    <Table.Tr data-post-id={post.postId}>
      <Table.Td>
        <Text size="sm">{post.title}</Text>
        <Text size="xs" c="dimmed">
          {post.postId}
          {post.run !== null && post.run > 1 ? ` · ${t('posts.run', { run: n(post.run) })}` : ''}
        </Text>
      </Table.Td>
      <Table.Td>
        <PostStatusBadge status={post.status} />
        {post.reason && <Text size="xs">{post.reason}</Text>}
      </Table.Td>
      <Table.Td>
        {post.deadline ? formatDate(post.deadline, locale) : '–'}
        {post.extensions > 0 && <Text size="xs">{t('posts.extensions', { count: post.extensions })}</Text>}
      </Table.Td>
      <Table.Td>
        {c ? (
          <Text size="xs">
            {t('posts.counts', {
              registered: n(c.registered),
              pending: n(c.pending),
              eligible: n(c.eligible),
              ineligible: n(c.ineligible),
              withdrawn: n(c.withdrawn),
              eliminated: n(c.eliminated),
              proceeding: n(c.proceeding),
            })}
          </Text>
        ) : (
          '–'
        )}
      </Table.Td>
      <Table.Td>
        {post.published.length ? (
          <Group gap={4}>
            {post.published.map((stage) => (
              <Badge key={stage} size="sm" variant="outline" tt="none">
                {stage}
              </Badge>
            ))}
          </Group>
        ) : (
          '–'
        )}
      </Table.Td>
      <Table.Td>
        <PostDecisions post={post} />
      </Table.Td>
    </Table.Tr>
  );
}

function PostDecisions({ post }: { post: PostSummary }): React.JSX.Element {
  const { t } = useTranslation('audit');
  const locale = useLocale();
  const lines = [
    post.finalists.length > 0 &&
      t('posts.finalists', {
        finalists: post.finalists.map((f) => `${f.rank}. ${f.applicantId}`).join(', '),
      }),
    post.shortlistReview &&
      t('posts.review', { letter: `${post.shortlistReview.issuedBy} ${post.shortlistReview.letterNumber}` }),
    post.appointee && t('posts.appointee', { applicant: post.appointee.applicantId }),
    post.appointee?.decree && t('posts.decree', { decree: post.appointee.decree }),
    post.appointee?.inauguratedOn &&
      t('posts.inaugurated', { date: formatDate(post.appointee.inauguratedOn, locale) }),
  ].filter((line): line is string => typeof line === 'string');
  if (lines.length === 0) return <>–</>;
  return (
    <Stack gap={0}>
      {lines.map((line) => (
        <Text size="xs" key={line}>
          {line}
        </Text>
      ))}
    </Stack>
  );
}
