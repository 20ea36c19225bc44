import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { keys, useApiQuery } from '../../api/query';
import { formatDateTime } from '../../format';
import { publishedResults } from '../public/api';
import { RankingTable } from '../public/ranking-table';
import { LoadingOr } from './loading-or';
import { useLocale } from './locale';
import type { RoundView } from './types';

/**
 * Every stage ranking the pansel published for this round (R21), exactly as announced to the
 * public: from the agency's public results, which hold each StageResultsPublished in full.
 */
export function PublicationsTab({ round }: { round: RoundView }): React.JSX.Element {
  const { t } = useTranslation('round');
  const locale = useLocale();
  const published = useApiQuery(keys.published(round.agency), () => publishedResults(round.agency));
  return (
    <LoadingOr loaded={published} label={t('publications.loading')}>
      {(data) => {
        const mine = data.rounds.find((r) => r.roundId === round.id);
        const posts = mine?.posts.filter((p) => p.stages.length > 0) ?? [];
        if (posts.length === 0)
          return (
            <Alert color="gray" role="note">
              {t('publications.none')}
            </Alert>
          );
        return (
          <Stack gap="lg">
            {posts.map((post) => (
              <Stack key={post.postId} gap="sm">
                <Title order={2} size="h4">
                  {post.title ?? post.postId}
                </Title>
                {post.stages.map((stage) => (
                  <Stack key={stage.stageId} gap={4}>
                    <Text size="sm" c="dimmed">
                      {t('publications.publishedAt', { time: formatDateTime(stage.publishedAt, locale) })}
                    </Text>
                    <RankingTable
                      ranking={stage.ranking}
                      caption={t('publications.caption', {
                        stage: stage.stageId,
                        post: post.title ?? post.postId,
                      })}
                    />
                  </Stack>
                ))}
              </Stack>
            ))}
          </Stack>
        );
      }}
    </LoadingOr>
  );
}
