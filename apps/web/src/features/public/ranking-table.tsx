import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, useLocale } from '../round/locale';
import { Pager, usePaged } from '../round/paging';
import { ToneBadge } from '../round/status-badge';
import type { PublishedLine } from './types';
import { TableHead } from '../round/table-head';

const PAGE_SIZE = 50;

/** A published ranking as announced: rank, name, total, proceeds or not; every line when `all` (printing). */
export function RankingTable({
  ranking,
  caption,
  all = false,
}: {
  ranking: readonly PublishedLine[];
  caption: string;
  all?: boolean;
}): React.JSX.Element {
  const { t } = useTranslation('public');
  const locale = useLocale();
  const paged = usePaged(ranking, PAGE_SIZE, all);
  return (
    <>
      <Table striped withTableBorder className="ranking" data-testid="ranking">
        <Table.Caption>{caption}</Table.Caption>
        <TableHead
          columns={[t('ranking.rank'), t('ranking.name'), t('ranking.total'), t('ranking.outcome')]}
        />
        <Table.Tbody>
          {paged.slice.map((line, i) => (
            <Table.Tr key={paged.from + i}>
              <Table.Td>{formatNumber(line.rank, locale)}</Table.Td>
              <Table.Td>{line.name ?? t('ranking.unnamed')}</Table.Td>
              <Table.Td>{formatNumber(line.total, locale)}</Table.Td>
              <Table.Td>
                <ToneBadge color={line.proceeds ? 'green' : 'gray'}>
                  {line.proceeds ? t('ranking.proceeds') : t('ranking.stops')}
                </ToneBadge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {paged.pages > 1 && <Pager paged={paged} label={t('ranking.pages', { caption })} />}
    </>
  );
}
