import { Anchor, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { DecisionResult, DecisionType } from '../../api/decisions';
import { LOCALES } from '../../i18n';
import { ROUTES } from '../../routes';
import { DecisionSteps } from './decision-steps';
import { AWAITS_OPERATOR, postSteps, WAITING_ON_OTHERS } from './manage-steps';
import type { PostView, RoundView } from './types';
import { TableHead } from '../round/table-head';

/** An announced round's posts at a glance, and the operator's steps on the post chosen (`?post=`, else the first one waiting on the operator). */
export function PostsDesk({
  round,
  onDone,
}: {
  round: RoundView;
  onDone: (type: DecisionType, result: DecisionResult) => void;
}): React.JSX.Element {
  const { t, i18n } = useTranslation('operator');
  const locale = LOCALES[i18n.language === 'en' ? 'en' : 'id'];
  const date = (iso: string | null) =>
    iso
      ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso))
      : '–';
  const [params, setParams] = useSearchParams();
  const chosen =
    round.posts.find((p) => p.postId === params.get('post')) ??
    round.posts.find((p) => AWAITS_OPERATOR.has(p.status)) ??
    round.posts.find((p) => postSteps(p).length > 0) ??
    round.posts[0];
  return (
    <Stack gap="md" component="section" aria-labelledby="post-steps">
      <Title order={2} size="h3" id="post-steps">
        {t('manage.posts')}
      </Title>
      <Table.ScrollContainer minWidth={720}>
        <Table striped>
          <TableHead
            columns={[
              t('manage.post'),
              t('manage.status'),
              t('manage.deadline'),
              t('manage.extensions'),
              t('manage.applicants'),
              t('manage.action'),
            ]}
          />
          <Table.Tbody>
            {round.posts.map((post) => (
              <Table.Tr key={post.postId} data-post={post.postId} data-status={post.status}>
                <Table.Th scope="row">{post.title ?? post.postId}</Table.Th>
                <Table.Td>{t(`postStatus.${post.status}`, { defaultValue: post.status })}</Table.Td>
                <Table.Td>{date(post.registrationDeadline)}</Table.Td>
                <Table.Td>{post.extensions}</Table.Td>
                <Table.Td>{post.applicants}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant={post === chosen ? 'filled' : 'default'}
                    aria-pressed={post === chosen}
                    onClick={() => setParams({ post: post.postId }, { replace: true })}
                    aria-label={t('manage.choosePost', { post: post.title ?? post.postId })}
                  >
                    {t('manage.choose')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {chosen && <PostDesk key={chosen.postId} roundId={round.id} post={chosen} onDone={onDone} />}
    </Stack>
  );
}

function PostDesk({
  roundId,
  post,
  onDone,
}: {
  roundId: string;
  post: PostView;
  onDone: (type: DecisionType, result: DecisionResult) => void;
}): React.JSX.Element {
  const { t } = useTranslation('operator');
  const steps = postSteps(post);
  const title = post.title ?? post.postId;
  return (
    <Stack gap="xs" data-post-desk={post.postId}>
      <Title order={3} size="h4">
        {t('manage.postDesk', { post: title })}
      </Title>
      {WAITING_ON_OTHERS.has(post.status) && (
        <Text size="sm">{t(`postHint.${post.status}`, { defaultValue: '' })}</Text>
      )}
      {post.status === 'registration' && (
        <Text size="sm">
          <Anchor component={Link} to={`${ROUTES.register(roundId)}?post=${encodeURIComponent(post.postId)}`}>
            {t('manage.registerLink', { post: title })}
          </Anchor>
        </Text>
      )}
      {steps.length > 0 ? (
        <DecisionSteps roundId={roundId} postId={post.postId} types={steps} onDone={onDone} />
      ) : (
        !WAITING_ON_OTHERS.has(post.status) && <Text size="sm">{t('manage.postFinal')}</Text>
      )}
    </Stack>
  );
}
