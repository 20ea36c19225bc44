import { Anchor, Badge, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { keys, useApiQuery } from '../../api/query';
import { LoadedPage } from '../../components/page';
import { formatDateTime } from '../../format';
import { ROUTES } from '../../routes';
import { useSession } from '../../session-context';
import { listRounds } from './api';
import { formatNumber, useLocale } from './locale';
import { Pager, usePaged } from './paging';
import { RoundStatusBadge } from './status-badge';
import type { RoundSummary } from './types';
import { TableHead } from './table-head';

const PAGE_SIZE = 25;

/** The rounds the caller may see (GET /rounds), newest change first; operators start a new one here. */
export function RoundList(): React.JSX.Element {
  const { t } = useTranslation('round');
  const { api, session } = useSession();
  const rounds = useApiQuery(keys.roundList, () => listRounds(api));
  const isOperator = session?.user.role === 'operator';
  const actions = isOperator ? (
    <Button component={Link} to={ROUTES.newRound}>
      {t('list.newRound')}
    </Button>
  ) : undefined;
  return (
    <LoadedPage name="round-list" title={t('list.title')} loaded={rounds} actions={actions}>
      {(data) => (data.length === 0 ? <Text>{t('list.empty')}</Text> : <RoundTable rounds={data} />)}
    </LoadedPage>
  );
}

function RoundTable({ rounds }: { rounds: RoundSummary[] }): React.JSX.Element {
  const { t } = useTranslation('round');
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q
      ? rounds.filter((r) => [r.name, r.id, r.agency, r.agencyName].some((v) => v?.toLowerCase().includes(q)))
      : rounds;
  }, [rounds, query]);
  const paged = usePaged(shown, PAGE_SIZE);
  return (
    <>
      <TextInput
        label={t('list.search')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        maw={420}
      />
      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover>
          <TableHead
            columns={[
              t('list.round'),
              t('list.agency'),
              t('list.status'),
              t('list.posts'),
              t('list.updatedAt'),
            ]}
          />
          <Table.Tbody>
            {paged.slice.map((round) => (
              <RoundRow key={round.id} round={round} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Pager paged={paged} label={t('list.pages')} />
    </>
  );
}

function RoundRow({ round }: { round: RoundSummary }): React.JSX.Element {
  const { t } = useTranslation('round');
  const locale = useLocale();
  const { session } = useSession();
  // Another agency's round in the list: the caller follows it from the province over it (ADR 30).
  const followed =
    round.readOnly && session?.user.agency !== undefined && round.agency !== session.user.agency;
  return (
    <Table.Tr data-round-id={round.id}>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Anchor component={Link} to={ROUTES.round(round.id)}>
            {round.name ?? round.id}
          </Anchor>
          {followed && (
            <Badge color="gray" variant="light" title={t('list.readOnlyHint')} data-testid="read-only">
              {t('list.readOnly')}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {round.id}
        </Text>
      </Table.Td>
      <Table.Td>{round.agencyName ?? round.agency}</Table.Td>
      <Table.Td>
        <RoundStatusBadge status={round.status} />
      </Table.Td>
      <Table.Td>
        {t('list.postCount', {
          open: formatNumber(round.openPosts, locale),
          total: formatNumber(round.posts, locale),
        })}
      </Table.Td>
      <Table.Td>{formatDateTime(round.updatedAt, locale)}</Table.Td>
    </Table.Tr>
  );
}
