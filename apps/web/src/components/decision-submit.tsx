import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkDecision,
  sendDecision,
  type DecisionBody,
  type DecisionResult,
  type DecisionType,
} from '../api/decisions';
import { useReadAfterWrite } from '../api/query';
import { useSession } from '../session-context';
import { ProblemAlert } from './problem-alert';

type Check =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'allowed'; events: string[] }
  | { state: 'refused'; failure: unknown };

/**
 * Sends one decision with the rules at hand: while the form changes it asks the API's dry run
 * whether the rules allow it (code, rule and legal source shown before submitting), then sends it
 * with one Idempotency-Key per body, so a retry after a lost reply records it once. Once recorded,
 * it calls `onDone`, then waits until the read models show the decision's version (read your
 * writes, ADR 23) and has the round's cached reads refetch. `body` null means the form is not
 * complete yet.
 */
export function DecisionSubmit<T extends DecisionType>({
  roundId,
  type,
  body,
  label,
  onDone,
}: {
  roundId: string;
  type: T;
  body: DecisionBody<T> | null;
  label?: string;
  onDone?: (result: DecisionResult) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { session } = useSession();
  const token = session?.token ?? '';
  const readAfterWrite = useReadAfterWrite();
  const serialized = body === null ? null : JSON.stringify(body);
  // One key per distinct body: resubmitting the same decision is a retry, a changed one a new decision.
  const key = useMemo(() => (serialized === null ? '' : crypto.randomUUID()), [serialized]);
  // The dry run, asked 250 ms after the form last changed.
  const [settled] = useDebouncedValue(serialized, 250);
  const dryRun = useQuery({
    queryKey: ['decision-check', roundId, type, settled],
    queryFn: () => checkDecision(token, roundId, type, JSON.parse(settled ?? 'null') as DecisionBody<T>),
    enabled: settled !== null,
    staleTime: 0,
    gcTime: 0,
  });
  const check: Check =
    serialized === null
      ? { state: 'idle' }
      : settled !== serialized || dryRun.isFetching
        ? { state: 'checking' }
        : dryRun.status === 'error'
          ? { state: 'refused', failure: dryRun.error }
          : dryRun.status === 'success'
            ? dryRun.data.allowed
              ? { state: 'allowed', events: dryRun.data.events }
              : { state: 'refused', failure: new Error(t('decision.notAllowed')) }
            : { state: 'checking' };
  const send = useMutation({
    mutationFn: ({ sent, idempotencyKey }: { sent: string; idempotencyKey: string }) =>
      sendDecision(token, roundId, type, JSON.parse(sent) as DecisionBody<T>, idempotencyKey),
    // The page hears of the decision at once (and lays it over what it shows); this form says
    // "recorded" once the read models show it, when the round's reads refetch.
    onSuccess: async (result) => {
      onDone?.(result);
      await readAfterWrite(result.roundId, result.version);
    },
  });
  // What the last send answered, shown while the form still holds the body it sent.
  const outcome: { result: DecisionResult } | { failure: unknown } | null =
    send.variables?.sent !== serialized || send.isPending
      ? null
      : send.status === 'success'
        ? { result: send.data }
        : send.status === 'error'
          ? { failure: send.error }
          : null;

  function submit(): void {
    if (serialized === null) return;
    send.mutate({ sent: serialized, idempotencyKey: key });
  }

  return (
    <Stack gap="sm" data-decision={type}>
      {check.state === 'refused' && (
        <ProblemAlert failure={check.failure} title={t('decision.wouldBeRefused')} />
      )}
      {check.state === 'allowed' && (
        <Text size="sm" c="teal.9" data-testid="decision-allowed">
          {t('decision.allowed', { events: check.events.join(', ') })}
        </Text>
      )}
      <Group>
        <Button
          onClick={submit}
          loading={send.isPending}
          disabled={serialized === null || (outcome !== null && 'result' in outcome)}
        >
          {label ?? t(`commands.${type}`, { defaultValue: type })}
        </Button>
        {check.state === 'checking' && (
          <Text size="sm" c="gray.7" role="status">
            {t('decision.checking')}
          </Text>
        )}
      </Group>
      {outcome && 'failure' in outcome && <ProblemAlert failure={outcome.failure} />}
      {outcome && 'result' in outcome && (
        <Alert color="teal" title={t('decision.recorded')} role="status" data-testid="decision-recorded">
          {t('decision.recordedDetail', {
            events: outcome.result.events.map((event) => event.type).join(', '),
            version: outcome.result.version,
          })}
        </Alert>
      )}
    </Stack>
  );
}
