import { Accordion, Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { formatDateTime } from '../../format';
import { useLocale } from '../round/locale';
import { PostStatusBadge, RoundStatusBadge } from '../round/status-badge';
import { roundAnchor, stageAnchor } from './api';
import { RankingTable } from './ranking-table';
import type { PublicPost, PublicRound } from './types';

/** One round: its status, and per post every ranking published, with a link to itself. */
export function PublicRoundSection({
  round,
  printing,
}: {
  round: PublicRound;
  printing: boolean;
}): React.JSX.Element {
  const { t } = useTranslation('public');
  const name = round.name ?? round.roundId;
  const headingId = `${roundAnchor(round.roundId)}-title`;
  return (
    <Stack
      gap="md"
      component="section"
      id={roundAnchor(round.roundId)}
      aria-labelledby={headingId}
      className="public-round"
    >
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2} size="h3" id={headingId}>
            {name}
          </Title>
          <Group gap="xs">
            <RoundStatusBadge status={round.status} />
            <Text size="xs" c="dimmed">
              {round.roundId}
            </Text>
          </Group>
        </Stack>
        <Anchor
          href={`#${roundAnchor(round.roundId)}`}
          size="sm"
          data-no-print
          aria-label={t('linkTo', { round: name })}
        >
          {t('link')}
        </Anchor>
      </Group>
      {round.posts.map((post) => (
        <PublicPostBlock key={post.postId} round={round} post={post} printing={printing} />
      ))}
    </Stack>
  );
}

function PublicPostBlock({
  round,
  post,
  printing,
}: {
  round: PublicRound;
  post: PublicPost;
  printing: boolean;
}): React.JSX.Element {
  const { t } = useTranslation('public');
  const locale = useLocale();
  const { hash } = useLocation();
  const title = post.title ?? post.postId;
  const anchorOf = (stageId: string) => stageAnchor(round.roundId, post.postId, stageId);
  // The latest ranking open, and any a link points at (also when followed later); every one while printing.
  const [open, setOpen] = useState<string[]>(() => post.stages.slice(-1).map((s) => s.stageId));
  const linked = post.stages.find((s) => hash === `#${anchorOf(s.stageId)}`)?.stageId;
  // Opened when a link comes to point at it (adjusted while rendering, not in an effect).
  const [followed, setFollowed] = useState<string | undefined>(undefined);
  if (linked !== followed) {
    setFollowed(linked);
    if (linked && !open.includes(linked)) setOpen([...open, linked]);
  }
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Title order={3} size="h4">
          {title}
        </Title>
        <PostStatusBadge status={post.status} />
      </Group>
      {post.stages.length === 0 && <Text size="sm">{t('noResults')}</Text>}
      {post.stages.length > 0 && (
        // Closed rankings are not rendered (a large agency publishes thousands of lines), hence no transition.
        <Accordion
          multiple
          value={printing ? post.stages.map((s) => s.stageId) : open}
          onChange={setOpen}
          keepMounted={false}
          transitionDuration={0}
          variant="separated"
        >
          {post.stages.map((stage) => (
            <Accordion.Item key={stage.stageId} value={stage.stageId} id={anchorOf(stage.stageId)}>
              <Accordion.Control>
                <Group gap="xs">
                  <Text fw={600}>{t('stage', { stage: stage.stageName ?? stage.stageId })}</Text>
                  <Text size="sm" c="dimmed">
                    {t('publishedAt', { time: formatDateTime(stage.publishedAt, locale) })}
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <RankingTable
                  ranking={stage.ranking}
                  caption={t('caption', { stage: stage.stageName ?? stage.stageId, post: title })}
                  all={printing}
                />
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Stack>
  );
}
