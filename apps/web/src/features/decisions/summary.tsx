import { Anchor, Badge, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatWait, waitStatus } from '../../format';
import { LOCALES } from '../../i18n';
import { ROUTES } from '../../routes';
import type { DecisionData } from './context';
import { ToneBadge } from '../../components/tone-badge';

const WAIT_COLOR = { overdue: 'red', onTime: 'green', noServiceLevel: 'gray' } as const;

/** What is being decided: the round, the post, who decides, and since when it waits (the inbox's line, else the post's last change). */
export function DecisionSummary({ data }: { data: DecisionData }): React.JSX.Element {
  const { t, i18n } = useTranslation('decisions');
  const { t: tc } = useTranslation();
  const locale = LOCALES[i18n.language === 'en' ? 'en' : 'id'];
  const { round, post, waiting } = data;
  const row = (label: string, value: React.ReactNode, testId?: string) => (
    <Table.Tr data-testid={testId}>
      <Table.Th scope="row" w={220}>
        {label}
      </Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
  return (
    <Table withTableBorder variant="vertical" data-testid="decision-summary">
      <Table.Tbody>
        {row(
          t('summary.round'),
          <Anchor component={Link} to={ROUTES.round(round.id)}>
            {round.name ?? round.id}
          </Anchor>,
        )}
        {row(t('summary.agency'), round.agencyName ?? round.agency)}
        {row(t('summary.roundStatus'), t(`status.${round.status}`, { defaultValue: round.status }))}
        {post &&
          row(
            t('summary.post'),
            <>
              {post.title ?? post.postId}{' '}
              {post.kind && post.kind !== 'regular' && (
                <ToneBadge color="grape">{t(`kind.${post.kind}`, { defaultValue: post.kind })}</ToneBadge>
              )}
            </>,
            'summary-post',
          )}
        {post &&
          row(
            t('summary.postStatus'),
            [t(`status.${post.status}`, { defaultValue: post.status }), post.statusReason]
              .filter(Boolean)
              .join(' · '),
          )}
        {post &&
          row(
            t('summary.applicants'),
            t('summary.applicantsValue', { count: post.applicants, extensions: post.extensions }),
          )}
        {waiting && row(t('summary.decidedBy'), tc(`roles.${waiting.role}`, { defaultValue: waiting.role }))}
        {waiting
          ? row(
              t('summary.since'),
              <>
                {waiting.since ? formatDateTime(waiting.since, locale) : '–'}
                {waiting.waitedDays !== null &&
                  ` · ${formatWait(waiting.waitedDays, waiting.serviceLevelDays, locale) ?? ''}`}{' '}
                <ToneBadge color={WAIT_COLOR[waitStatus(waiting)]}>
                  {t(`wait.${waitStatus(waiting)}`)}
                </ToneBadge>
                {waiting.escalated && (
                  <Badge variant="filled" color="red" ml={4}>
                    {t('wait.escalated')}
                  </Badge>
                )}
              </>,
              'summary-since',
            )
          : post && row(t('summary.lastChange'), formatDateTime(post.updatedAt, locale), 'summary-since')}
      </Table.Tbody>
    </Table>
  );
}
