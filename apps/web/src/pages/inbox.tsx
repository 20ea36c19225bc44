import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { bodyOf } from '../api/call';
import type { components } from '../api/schema';
import { keys, useApiQuery } from '../api/query';
import { LoadedPage } from '../components/page';
import { ToneBadge } from '../components/tone-badge';
import { formatDateTime, formatWait, waitStatus } from '../format';
import { LOCALES, type Language } from '../i18n';
import { ROUTES } from '../routes';
import { useSession } from '../session-context';

type InboxItem = components['schemas']['InboxItem'];

const STATUS_COLOR = { overdue: 'red', onTime: 'green', noServiceLevel: 'gray' } as const;

/** The decisions waiting on the caller (GET /inbox), oldest first, waited time against the service level, one click to decide. */
export function Inbox(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { api } = useSession();
  const locale = LOCALES[(i18n.language === 'en' ? 'en' : 'id') as Language];
  const inbox = useApiQuery(keys.inbox, () => bodyOf(api.GET('/inbox')));

  return (
    <LoadedPage
      name="inbox"
      title={t('inbox.title')}
      loaded={inbox}
      actions={
        <Button variant="default" size="xs" onClick={inbox.reload}>
          {t('app.refresh')}
        </Button>
      }
    >
      {({ now, items }) => {
        const oldestFirst = [...items].sort((a, b) => (a.since ?? '').localeCompare(b.since ?? ''));
        return (
          <>
            <Text size="sm" c="dimmed">
              {t('inbox.asOf', { time: formatDateTime(now, locale) })}
            </Text>
            {oldestFirst.length === 0 ? (
              <Text>{t('inbox.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table striped highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('inbox.round')}</Table.Th>
                      <Table.Th scope="col">{t('inbox.post')}</Table.Th>
                      <Table.Th scope="col">{t('inbox.decision')}</Table.Th>
                      <Table.Th scope="col">{t('inbox.since')}</Table.Th>
                      <Table.Th scope="col">{t('inbox.waited')}</Table.Th>
                      <Table.Th scope="col">{t('inbox.status')}</Table.Th>
                      <Table.Th scope="col">{t('inbox.action')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {oldestFirst.map((item) => (
                      <InboxRow
                        key={`${item.roundId}/${item.postId ?? ''}/${item.command}`}
                        item={item}
                        locale={locale}
                      />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        );
      }}
    </LoadedPage>
  );
}

function InboxRow({ item, locale }: { item: InboxItem; locale: string }): React.JSX.Element {
  const { t } = useTranslation();
  const status = waitStatus(item);
  return (
    <Table.Tr data-command={item.command}>
      <Table.Td>
        <Anchor component={Link} to={ROUTES.round(item.roundId)}>
          {item.roundName ?? item.roundId}
        </Anchor>
      </Table.Td>
      <Table.Td>{item.postId ?? t('inbox.wholeRound')}</Table.Td>
      <Table.Td>{t(`commands.${item.command}`, { defaultValue: item.command })}</Table.Td>
      <Table.Td>{item.since ? formatDateTime(item.since, locale) : t('inbox.unknown')}</Table.Td>
      <Table.Td>{formatWait(item.waitedDays, item.serviceLevelDays, locale) ?? t('inbox.unknown')}</Table.Td>
      <Table.Td>
        {/* Dark words on the light tint (AA contrast), long statuses wrap instead of being cut off. */}
        <ToneBadge color={STATUS_COLOR[status]}>{t(`inbox.${status}`)}</ToneBadge>{' '}
        {item.escalated ? (
          <Badge color="red" variant="filled">
            {t('inbox.escalated')}
          </Badge>
        ) : item.reminders > 0 ? (
          <ToneBadge color="orange">{t('inbox.reminded', { count: item.reminders })}</ToneBadge>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Button
          component={Link}
          to={ROUTES.decide(item.roundId, item.command, item.postId)}
          size="xs"
          aria-label={t('inbox.decideLabel', {
            decision: t(`commands.${item.command}`, { defaultValue: item.command }),
            round: item.roundName ?? item.roundId,
          })}
        >
          {t('inbox.decide')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
