import { Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionBody } from '../../../api/decisions';
import { keys, useApiQuery } from '../../../api/query';
import { DecisionSubmit } from '../../../components/decision-submit';
import { useSession } from '../../../session-context';
import { roundStateAt } from '../../audit/api';
import type { DecisionFormProps } from '../../decisions/form-contract';

// The round-wide decisions of the operator (BKD/BKPSDM, the pansel's secretariat): each builds the
// decision's body and leaves the rules to <DecisionSubmit> (dry run, then the decision itself).

const filled = (text: string): string | null => (text.trim() ? text.trim() : null);

/** SubmitPlanForRecommendation: the plan goes to the oversight body holding the plan gate (KASN or BKN). */
export function SubmitPlanForm({ roundId, onDone }: DecisionFormProps): React.JSX.Element {
  const { t } = useTranslation('operator');
  return (
    <Stack gap="sm">
      <Text size="sm">{t('forms.submitPlanHint')}</Text>
      <DecisionSubmit roundId={roundId} type="SubmitPlanForRecommendation" body={{}} onDone={onDone} />
    </Stack>
  );
}

type StageSlot = DecisionBody<'AnnounceRound'>['stageSchedule'][number];

/**
 * AnnounceRound: reach (R5), who signs, the secretariat contact, each stage's dates (with its
 * method, from the plan) and where it is published (R6); the lead time is checked again (R4). The
 * stages come from the round's state (GET …/audit/state, which the agency's operator may read).
 */
export function AnnounceRoundForm({ roundId, onDone }: DecisionFormProps): React.JSX.Element {
  const { t } = useTranslation('operator');
  const { session } = useSession();
  const token = session?.token;
  const state = useApiQuery(keys.state(roundId, null), () => roundStateAt(roundId, token));
  const stages = state.state === 'ready' ? state.data.state.stages : [];
  const [reach, setReach] = useState<DecisionBody<'AnnounceRound'>['reach']>('national');
  const [signedBy, setSignedBy] = useState<DecisionBody<'AnnounceRound'>['signedBy']>('pansel-chair');
  const [contact, setContact] = useState('');
  const [mediaText, setMediaText] = useState('');
  const [slots, setSlots] = useState<Record<string, { from: string; to: string }>>({});
  const secretariatContact = filled(contact);
  const media = mediaText
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const stageSchedule: StageSlot[] = stages.map((stage) => ({
    stageId: stage.stageId,
    from: slots[stage.stageId]?.from ?? '',
    to: slots[stage.stageId]?.to ?? '',
  }));
  const complete =
    secretariatContact !== null &&
    media.length > 0 &&
    stageSchedule.length > 0 &&
    stageSchedule.every((slot) => slot.from !== '' && slot.to !== '');
  const setSlot = (stageId: string, end: 'from' | 'to', value: string) =>
    setSlots((current) => ({
      ...current,
      [stageId]: { from: '', to: '', ...current[stageId], [end]: value },
    }));
  return (
    <Stack gap="sm">
      <NativeSelect
        label={t('forms.reach')}
        value={reach}
        onChange={(e) => setReach(e.currentTarget.value as typeof reach)}
        data={(['national', 'province', 'agency'] as const).map((value) => ({
          value,
          label: t(`reach.${value}`),
        }))}
      />
      <NativeSelect
        label={t('forms.signedBy')}
        value={signedBy}
        onChange={(e) => setSignedBy(e.currentTarget.value as typeof signedBy)}
        data={(['pansel-chair', 'secretariat-head'] as const).map((value) => ({
          value,
          label: t(`signedBy.${value}`),
        }))}
      />
      <TextInput
        label={t('forms.secretariatContact')}
        description={t('forms.secretariatContactHint')}
        required
        value={contact}
        onChange={(e) => setContact(e.currentTarget.value)}
      />
      <Textarea
        label={t('forms.media')}
        description={t('forms.mediaHint')}
        required
        autosize
        minRows={2}
        value={mediaText}
        onChange={(e) => setMediaText(e.currentTarget.value)}
      />
      <Text size="sm" fw={500}>
        {t('forms.stageSchedule')}
      </Text>
      {stages.map((stage) => (
        <Group key={stage.stageId} gap="xs" align="end" data-stage-slot={stage.stageId}>
          <Text size="sm" w={220}>
            {t('forms.stageWithMethod', { name: stage.name, method: stage.method })}
          </Text>
          <TextInput
            type="date"
            label={t('forms.stageFrom', { name: stage.name })}
            required
            value={slots[stage.stageId]?.from ?? ''}
            onChange={(e) => setSlot(stage.stageId, 'from', e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('forms.stageTo', { name: stage.name })}
            required
            value={slots[stage.stageId]?.to ?? ''}
            onChange={(e) => setSlot(stage.stageId, 'to', e.currentTarget.value)}
          />
        </Group>
      ))}
      <DecisionSubmit
        roundId={roundId}
        type="AnnounceRound"
        body={
          complete && secretariatContact
            ? { reach, signedBy, secretariatContact, stageSchedule, media }
            : null
        }
        onDone={onDone}
      />
    </Stack>
  );
}

/** RecordMendagriApproval: the Home Affairs Minister's letter in an election window or for a Pj head (R29). */
export function MendagriApprovalForm({ roundId, postId, onDone }: DecisionFormProps): React.JSX.Element {
  const { t } = useTranslation('operator');
  const [purpose, setPurpose] = useState<DecisionBody<'RecordMendagriApproval'>['purpose']>(
    postId ? 'inauguration' : 'selection',
  );
  const [letter, setLetter] = useState('');
  const letterNumber = filled(letter);
  return (
    <Stack gap="sm">
      <Text size="sm">{t('forms.mendagriHint')}</Text>
      <NativeSelect
        label={t('forms.purpose')}
        value={purpose}
        onChange={(e) => setPurpose(e.currentTarget.value as typeof purpose)}
        data={(['selection', 'inauguration'] as const).map((value) => ({
          value,
          label: t(`purpose.${value}`),
        }))}
      />
      <TextInput
        label={t('forms.letterNumber')}
        required
        value={letter}
        onChange={(e) => setLetter(e.currentTarget.value)}
      />
      <DecisionSubmit
        roundId={roundId}
        type="RecordMendagriApproval"
        body={letterNumber ? { purpose, letterNumber, ...(postId ? { postId } : {}) } : null}
        onDone={onDone}
      />
    </Stack>
  );
}

/** CancelRound: the whole round, with a reason, before it closes. */
export function CancelRoundForm({ roundId, onDone }: DecisionFormProps): React.JSX.Element {
  const { t } = useTranslation('operator');
  const [text, setText] = useState('');
  const reason = filled(text);
  return (
    <Stack gap="sm">
      <Textarea
        label={t('forms.reason')}
        description={t('forms.cancelRoundHint')}
        required
        autosize
        minRows={2}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <DecisionSubmit
        roundId={roundId}
        type="CancelRound"
        body={reason ? { reason } : null}
        onDone={onDone}
      />
    </Stack>
  );
}
