import { Alert, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { keys, useApiQuery } from '../../api/query';
import { useSession } from '../../session-context';
import { roundStateAt } from '../audit/api';
import type { PostPlan, RoundPlan } from '../audit/types';
import { LoadingOr } from './loading-or';

/** Where the round's plan comes from: its query key and how to load it. */
export interface PlanSource {
  readonly key: readonly unknown[];
  readonly load: () => Promise<RoundPlan | null>;
}

/**
 * The round's plan, fetched once for the page (one cached query) and only when someone asks for
 * it. GET /rounds/{id} carries no plan, so it comes from the round's state at its head (GET
 * …/audit/state), which the auditing roles and the round's own pansel and PPK may read.
 */
export function usePlanLoader(roundId: string): PlanSource {
  const { session } = useSession();
  const token = session?.token;
  return {
    key: [...keys.round(roundId), 'recorded-plan'],
    load: () => roundStateAt(roundId, token).then(({ state }) => state.plan ?? null),
  };
}

/** A post's competency standard (SKJ: technical, managerial, socio-cultural) and requirements. */
export function CompetencyStandard({
  postId,
  load,
}: {
  postId: string;
  load: PlanSource;
}): React.JSX.Element {
  const { t } = useTranslation('round');
  const plan = useApiQuery(load.key, load.load);
  return (
    <LoadingOr loaded={plan} label={t('posts.standardLoading')}>
      {(data) => <PostStandard post={data?.posts.find((p) => p.postId === postId)} />}
    </LoadingOr>
  );
}

function PostStandard({ post }: { post: PostPlan | undefined }): React.JSX.Element {
  const { t } = useTranslation('round');
  if (!post)
    return (
      <Alert color="gray" role="note">
        {t('posts.noStandard')}
      </Alert>
    );
  const groups = [
    ['technical', post.competencyStandard.technical],
    ['managerial', post.competencyStandard.managerial],
    ['socioCultural', post.competencyStandard.socioCultural],
  ] as const;
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {groups.map(([kind, items]) => (
          <div key={kind}>
            <Text fw={700} size="sm">
              {t(`competency.${kind}`)}
            </Text>
            {items.length ? (
              <List size="sm">
                {items.map((item) => (
                  <List.Item key={item}>{item}</List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm">–</Text>
            )}
          </div>
        ))}
      </SimpleGrid>
      <Group gap="md">
        <Text size="sm">
          {t('competency.minRank')}: <strong>{post.requirements.minRank ?? '–'}</strong>
        </Text>
        {post.requirements.notes.length > 0 && (
          <Text size="sm">
            {t('competency.notes')}: {post.requirements.notes.join('; ')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
