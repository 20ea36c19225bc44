import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../session-context';
import { STATE_READERS } from '../audit/api';
import { CompetencyStandard, usePlanLoader } from './competency-standard';
import { formatDate, formatNumber, useLocale } from './locale';
import { PostStatusBadge } from './status-badge';
import type { PostView, RoundView } from './types';
import { TableHead } from './table-head';

/** The round's posts with their status; each row opens its applicants and, for those who may read the round's state, its competency standard. */
export function PostsTab({ round }: { round: RoundView }): React.JSX.Element {
  const { t } = useTranslation('round');
  const { session } = useSession();
  const loadPlan = usePlanLoader(round.id);
  const [open, setOpen] = useState<string | null>(null);
  const showsStandard = STATE_READERS.has(session?.user.role ?? '');
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped data-testid="posts">
        <TableHead
          columns={[
            t('posts.post'),
            t('posts.status'),
            t('posts.applicants'),
            t('posts.deadline'),
            t('posts.run'),
            t('posts.appointee'),
            t('posts.actions'),
          ]}
        />
        <Table.Tbody>
          {round.posts.map((post) => (
            <Fragment key={post.postId}>
              <PostRow
                post={post}
                zone={round.zone}
                showsStandard={showsStandard}
                open={open === post.postId}
                toggle={() => setOpen(open === post.postId ? null : post.postId)}
              />
              {open === post.postId && (
                <Table.Tr>
                  <Table.Td colSpan={7} id={`standard-${post.postId}`}>
                    <CompetencyStandard postId={post.postId} load={loadPlan} />
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PostRow({
  post,
  zone,
  showsStandard,
  open,
  toggle,
}: {
  post: PostView;
  zone: RoundView['zone'];
  showsStandard: boolean;
  open: boolean;
  toggle: () => void;
}): React.JSX.Element {
  const { t } = useTranslation('round');
  const locale = useLocale();
  const title = post.title ?? post.postId;
  return (
    <Table.Tr data-post-id={post.postId}>
      <Table.Td>
        <Text fw={500}>{title}</Text>
        <Group gap={4}>
          <Text size="xs" c="dimmed">
            {post.postId}
          </Text>
          {post.kind && post.kind !== 'regular' && (
            <Badge size="xs" variant="outline">
              {t(`postKind.${post.kind}`, { defaultValue: post.kind })}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <PostStatusBadge status={post.status} />
        {post.statusReason && (
          <Text size="xs" mt={4}>
            {t('posts.reason', { reason: post.statusReason })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{formatNumber(post.applicants, locale)}</Table.Td>
      <Table.Td>
        {post.registrationDeadline ? formatDate(post.registrationDeadline, locale) : '–'}
        {post.registrationDeadline && (
          <Text size="xs" c="dimmed" data-testid="deadline-zone">
            {t('posts.deadlineEnds', { zone })}
          </Text>
        )}
        {post.extensions > 0 && (
          <Text size="xs" c="dimmed">
            {t('posts.extensions', { count: post.extensions })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{formatNumber(post.run, locale)}</Table.Td>
      <Table.Td>{post.appointeeId ?? '–'}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Anchor
            component={Link}
            to={`?tab=applicants&post=${encodeURIComponent(post.postId)}`}
            size="sm"
            aria-label={t('posts.applicantsOf', { post: title })}
          >
            {t('posts.showApplicants')}
          </Anchor>
          {showsStandard && (
            <Button
              variant="default"
              size="compact-sm"
              onClick={toggle}
              aria-expanded={open}
              aria-controls={open ? `standard-${post.postId}` : undefined}
              aria-label={t('posts.standardOf', { post: title })}
            >
              {t('posts.standard')}
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
