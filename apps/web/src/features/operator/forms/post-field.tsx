import { NativeSelect } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keys, useApiQuery } from '../../../api/query';
import { useSession } from '../../../session-context';
import { loadRound } from '../api';

/**
 * The post a decision is for: the one given (inbox link, manage page), else a choice among the
 * round's posts. `field` is the select to render (null when the post was given).
 */
export function usePost(
  roundId: string,
  given: string | null,
): { postId: string | null; field: React.ReactNode } {
  const { t } = useTranslation('operator');
  const { api } = useSession();
  const round = useApiQuery(keys.roundView(roundId), () => loadRound(api, roundId), { enabled: !given });
  const posts = round.state === 'ready' ? round.data.posts : [];
  // The first post until the user picks one.
  const [picked, setChosen] = useState<string | null>(null);
  const chosen = picked ?? posts[0]?.postId ?? null;
  if (given) return { postId: given, field: null };
  const field = (
    <NativeSelect
      label={t('forms.post')}
      required
      value={chosen ?? ''}
      onChange={(e) => setChosen(e.currentTarget.value || null)}
      data={posts.map((post) => ({
        value: post.postId,
        label: `${post.title ?? post.postId} (${t(`postStatus.${post.status}`, { defaultValue: post.status })})`,
      }))}
      disabled={posts.length === 0}
    />
  );
  return { postId: chosen, field };
}
