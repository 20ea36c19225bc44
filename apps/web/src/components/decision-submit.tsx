import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkDecision,
  sendDecision,
  type DecisionBody,
  type DecisionResult,
  type DecisionType,
} from '../api/decisions';
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
 * with one Idempotency-Key per body, so a retry after a lost reply records it once. `body` null
 * means the form is not complete yet.
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
  const serialized = body === null ? null : JSON.stringify(body);
  // One key per distinct body: resubmitting the same decision is a retry, a changed one a new decision.
  const key = useMemo(() => (serialized === null ? '' : crypto.randomUUID()), [serialized]);
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<{ result: DecisionResult } | { failure: unknown } | null>(null);

  useEffect(() => {
    setOutcome(null);
    if (serialized === null) return setCheck({ state: 'idle' });
    setCheck({ state: 'checking' });
    let live = true;
    const timer = setTimeout(() => {
      checkDecision(token, roundId, type, JSON.parse(serialized) as DecisionBody<T>).then(
        (answer) =>
          live &&
          setCheck(
            answer.allowed
              ? { state: 'allowed', events: answer.events }
              : { state: 'refused', failure: new Error(t('decision.notAllowed')) },
          ),
        (failure: unknown) => live && setCheck({ state: 'refused', failure }),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [serialized, token, roundId, type, t]);

  async function submit(): Promise<void> {
    if (serialized === null) return;
    setSending(true);
    try {
      const result = await sendDecision(token, roundId, type, JSON.parse(serialized) as DecisionBody<T>, key);
      setOutcome({ result });
      onDone?.(result);
    } catch (failure) {
      setOutcome({ failure });
    } finally {
      setSending(false);
    }
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
          onClick={() => void submit()}
          loading={sending}
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
