import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format';
import { useLocale } from '../round/locale';
import { PostStatusBadge, RoundStatusBadge } from '../round/status-badge';
import { roundAnchor, stageAnchor } from './api';
import { RankingTable } from './ranking-table';
import type { PublicPost, PublicRound } from './types';

/** One round: its status, and per post every ranking published, with a link to itself. */
export function PublicRoundSection({ round, printing }: { round: PublicRound; printing: boolean }): React.JSX.Element {
  const { t } = useTranslation('public');
  const name = round.name ?? round.roundId;
  const headingId = `${roundAnchor(round.roundId)}-title`;
  return (
    <Stack gap="md" component="section" id={roundAnchor(round.roundId)} aria-labelledby={headingId} className="public-round">
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
        <Anchor href={`#${roundAnchor(round.roundId)}`} size="sm" data-no-print aria-label={t('linkTo', { round: name })}>
          {t('link')}
        </Anchor>
      </Group>
      {round.posts.map((post) => (
        <PublicPostBlock key={post.postId} round={round} post={post} printing={printing} />
      ))}
    </Stack>
  );
}

function PublicPostBlock({ round, post, printing }: { round: PublicRound; post: PublicPost; printing: boolean }): React.JSX.Element {
  const { t } = useTranslation('public');
  const locale = useLocale();
  const title = post.title ?? post.postId;
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Title order={3} size="h4">
          {title}
        </Title>
        <PostStatusBadge status={post.status} />
      </Group>
      {post.stages.length === 0 && <Text size="sm">{t('noResults')}</Text>}
      {post.stages.map((stage) => (
        <Stack key={stage.stageId} gap={4} id={stageAnchor(round.roundId, post.postId, stage.stageId)}>
          <Group gap="xs">
            <Title order={4} size="h5">
              {t('stage', { stage: stage.stageId })}
            </Title>
            <Badge variant="outline" color="gray" tt="none">
              {t('publishedAt', { time: formatDateTime(stage.publishedAt, locale) })}
            </Badge>
          </Group>
          <RankingTable ranking={stage.ranking} caption={t('caption', { stage: stage.stageId, post: title })} all={printing} />
        </Stack>
      ))}
    </Stack>
  );
}
