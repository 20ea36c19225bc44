import { Button, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keys, useApiQuery } from '../../api/query';
import { formatDateTime } from '../../format';
import { useSession } from '../../session-context';
import { timelinePage } from './api';
import { LoadingOr } from './loading-or';
import { formatNumber, useLocale } from './locale';
import { useEventLabel } from './status-badge';
import { useSearchParam } from './search-param';
import { parseSummary, type SummaryPart } from './timeline-summary';
import type { TimelineEntry } from './types';
import { TableHead } from './table-head';

const PAGE_SIZE = 100;

/** Every event of the round in order, a page at a time (`?from=` keeps the page in the link). */
export function TimelineTab({ roundId }: { roundId: string }): React.JSX.Element {
  const { t } = useTranslation('round');
  const { api } = useSession();
  const [asked, setFrom] = useSearchParam('from');
  const from = Math.max(1, Number.parseInt(asked ?? '1', 10) || 1);
  const page = useApiQuery(keys.timeline(roundId, from), () => timelinePage(api, roundId, from, PAGE_SIZE), {
    keepPrevious: true,
  });
  const go = (next: number) => setFrom(String(Math.max(1, next)));
  const more = page.state === 'ready' && page.data.more;
  return (
    <Stack gap="sm">
      <TimelineNav from={from} more={more} go={go} />
      <LoadingOr loaded={page} label={t('timeline.loading')}>
        {(data) =>
          data.events.length === 0 ? (
            <Text>{t('timeline.empty')}</Text>
          ) : (
            <TimelineTable events={data.events} />
          )
        }
      </LoadingOr>
    </Stack>
  );
}

function TimelineNav({
  from,
  more,
  go,
}: {
  from: number;
  more: boolean;
  go: (from: number) => void;
}): React.JSX.Element {
  const { t } = useTranslation('round');
  const [target, setTarget] = useState<number | string>(from);
  // The field follows the page shown (adjusted while rendering, not in an effect).
  const [shown, setShown] = useState(from);
  if (shown !== from) {
    setShown(from);
    setTarget(from);
  }
  return (
    <Group justify="space-between" align="flex-end">
      <Group gap="xs" component="nav" aria-label={t('timeline.pages')}>
        <Button variant="default" size="xs" onClick={() => go(1)} disabled={from === 1}>
          {t('timeline.first')}
        </Button>
        <Button variant="default" size="xs" onClick={() => go(from - PAGE_SIZE)} disabled={from === 1}>
          {t('timeline.previous')}
        </Button>
        <Button variant="default" size="xs" onClick={() => go(from + PAGE_SIZE)} disabled={!more}>
          {t('timeline.next')}
        </Button>
      </Group>
      <Group
        gap="xs"
        align="flex-end"
        component="form"
        onSubmit={(e: React.FormEvent) => {
          e.preventDefault();
          if (typeof target === 'number') go(target);
        }}
      >
        <NumberInput
          label={t('timeline.jump')}
          value={target}
          onChange={setTarget}
          min={1}
          allowDecimal={false}
          w={140}
          size="xs"
        />
        <Button type="submit" size="xs" variant="light">
          {t('timeline.go')}
        </Button>
      </Group>
    </Group>
  );
}

function TimelineTable({ events }: { events: TimelineEntry[] }): React.JSX.Element {
  const { t } = useTranslation('round');
  const locale = useLocale();
  const first = events[0]?.version ?? 0;
  const last = events[events.length - 1]?.version ?? 0;
  return (
    <>
      <Text size="sm" c="dimmed">
        {t('timeline.range', { from: formatNumber(first, locale), to: formatNumber(last, locale) })}
      </Text>
      <Table.ScrollContainer minWidth={900}>
        <Table striped data-testid="timeline">
          <TableHead
            columns={[
              t('timeline.version'),
              t('timeline.time'),
              t('timeline.event'),
              t('timeline.post'),
              t('timeline.actor'),
              t('timeline.details'),
              t('timeline.reason'),
            ]}
          />
          <Table.Tbody>
            {events.map((event) => (
              <TimelineRow key={event.version} event={event} locale={locale} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

function TimelineRow({ event, locale }: { event: TimelineEntry; locale: string }): React.JSX.Element {
  const { t: tc } = useTranslation();
  const eventLabel = useEventLabel();
  const { parts, reason } = parseSummary(event.type, event.summary);
  const role = event.actor.role;
  return (
    <Table.Tr data-version={event.version} data-type={event.type}>
      <Table.Td>{event.version}</Table.Td>
      <Table.Td>{formatDateTime(event.at, locale)}</Table.Td>
      <Table.Td>{eventLabel(event.type)}</Table.Td>
      <Table.Td>{event.postId ?? '–'}</Table.Td>
      <Table.Td>
        {event.actor.id ?? '–'}
        {role && (
          <Text size="xs" c="dimmed">
            {tc(`roles.${role}`, { defaultValue: role })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <SummaryWords parts={parts.filter((part) => part.kind !== 'post')} />
      </Table.Td>
      <Table.Td>{reason ?? '–'}</Table.Td>
    </Table.Tr>
  );
}

/** The summary's parts in the reader's language (values as recorded). */
function SummaryWords({ parts }: { parts: SummaryPart[] }): React.JSX.Element {
  const { t } = useTranslation('round');
  const { t: tc } = useTranslation();
  // A plain word is a verdict or outcome (word.*) or, for reminders, the decision awaited (commands.*).
  const word = (value: string) =>
    t(`word.${value}`, { defaultValue: tc(`commands.${value}`, { defaultValue: value }) });
  const words = parts.map((part) =>
    part.kind === 'word' ? word(part.value) : t(`summary.${part.kind}`, { value: part.value }),
  );
  return <>{words.length ? words.join(', ') : '–'}</>;
}
