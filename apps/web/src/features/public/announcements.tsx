import { Anchor, List, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format';
import { useLocale } from '../round/locale';
import { stageAnchor } from './api';
import type { PublicRound } from './types';

/** Every published ranking of the agency, newest first, each linking to its table below. */
export function Announcements({ rounds }: { rounds: PublicRound[] }): React.JSX.Element | null {
  const { t } = useTranslation('public');
  const locale = useLocale();
  const items = rounds
    .flatMap((round) => round.posts.flatMap((post) => post.stages.map((stage) => ({ round, post, stage }))))
    .sort((a, b) => b.stage.publishedAt.localeCompare(a.stage.publishedAt));
  if (items.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="announcements-title">
      <Title order={2} size="h3" id="announcements-title">
        {t('announcements')}
      </Title>
      <List spacing={4} size="sm">
        {items.map(({ round, post, stage }) => (
          <List.Item key={stageAnchor(round.roundId, post.postId, stage.stageId)}>
            {formatDateTime(stage.publishedAt, locale)}:{' '}
            <Anchor href={`#${stageAnchor(round.roundId, post.postId, stage.stageId)}`}>
              {t('announcement', {
                stage: stage.stageName ?? stage.stageId,
                post: post.title ?? post.postId,
                round: round.name ?? round.roundId,
              })}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
