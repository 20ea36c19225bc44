import { Checkbox, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionBody } from '../../../api/decisions';
import { keys, useApiQuery } from '../../../api/query';
import { DecisionSubmit } from '../../../components/decision-submit';
import { useSession } from '../../../session-context';
import type { DecisionFormProps } from '../../decisions/form-contract';
import { loadApplicants } from '../api';
import { DateField } from '../date-field';
import { useOversightLetter } from './letter-fields';
import { usePost } from './post-field';

// The operator's decisions on one post (each post is its own sub-track of the round).

function useReason(label: string, hint?: string): { reason: string | null; field: React.ReactNode } {
  const [text, setText] = useState('');
  const field = (
    <Textarea
      label={label}
      description={hint}
      required
      autosize
      minRows={2}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
    />
  );
  return { reason: text.trim() || null, field };
}

/** CloseRegistration: at the deadline; below the minimum after the last extension, the overseer decides (R18, R19). */
export function CloseRegistrationForm({
  roundId,
  postId: given,
  onDone,
}: DecisionFormProps): React.JSX.Element {
  const { t } = useTranslation('operator');
  const { postId, field } = usePost(roundId, given);
  return (
    <Stack gap="sm">
      {field}
      <Text size="sm">{t('forms.closeHint')}</Text>
      <DecisionSubmit
        roundId={roundId}
        type="CloseRegistration"
        body={postId ? { postId } : null}
        onDone={onDone}
      />
    </Stack>
  );
}

/** ExtendRegistration: below the minimum, by the policy's days, at most its count (R18, R19); a letter where the overseer approves. */
export function ExtendRegistrationForm({
  roundId,
  postId: given,
  onDone,
}: DecisionFormProps): React.JSX.Element {
  const { t } = useTranslation('operator');
  const { postId, field } = usePost(roundId, given);
  const [withLetter, setWithLetter] = useState(false);
  const { letter, fields } = useOversightLetter();
  const body: DecisionBody<'ExtendRegistration'> | null = !postId
    ? null
    : withLetter
      ? letter
        ? { postId, approval: letter }
        : null
      : { postId };
  return (
    <Stack gap="sm">
      {field}
      <Text size="sm">{t('forms.extendHint')}</Text>
      <Checkbox
        label={t('forms.withApproval')}
        checked={withLetter}
        onChange={(e) => setWithLetter(e.currentTarget.checked)}
      />
      {withLetter && fields}
      <DecisionSubmit roundId={roundId} type="ExtendRegistration" body={body} onDone={onDone} />
    </Stack>
  );
}

/** CancelPost: any post not yet final, with a reason. */
export function CancelPostForm({ roundId, postId: given, onDone }: DecisionFormProps): React.JSX.Element {
  const { t } = useTranslation('operator');
  const { postId, field } = usePost(roundId, given);
  const { reason, field: reasonField } = useReason(t('forms.reason'));
  return (
    <Stack gap="sm">
      {field}
      {reasonField}
      <DecisionSubmit
        roundId={roundId}
        type="CancelPost"
        body={postId && reason ? { postId, reason } : null}
        onDone={onDone}
      />
    </Stack>
  );
}

/** RerunPost: a fresh registration on the overseer's recommendation, with a new deadline at least the lead time away (R4). */
export function RerunPostForm({ roundId, postId: given, onDone }: DecisionFormProps): React.JSX.Element {
  const { t } = useTranslation('operator');
  const { postId, field } = usePost(roundId, given);
  const { letter, fields } = useOversightLetter();
  const { reason, field: reasonField } = useReason(t('forms.reason'));
  const [deadline, setDeadline] = useState<string | null>(null);
  return (
    <Stack gap="sm">
      {field}
      <Text size="sm">{t('forms.rerunHint')}</Text>
      {fields}
      {reasonField}
      <DateField
        label={t('forms.newDeadline')}
        description={t('forms.newDeadlineHint')}
        required
        value={deadline}
        onChange={setDeadline}
      />
      <DecisionSubmit
        roundId={roundId}
        type="RerunPost"
        body={
          postId && letter && reason && deadline
            ? { postId, ...letter, reason, registrationDeadline: deadline }
            : null
        }
        onDone={onDone}
      />
    </Stack>
  );
}

const CAUSES = ['declared', 'retired', 'sanctioned', 'deceased'] as const;

/** WithdrawApplicant: an applicant leaves the post (declared, retired, sanctioned, deceased), with a note. */
export function WithdrawApplicantForm({
  roundId,
  postId: given,
  onDone,
}: DecisionFormProps): React.JSX.Element {
  const { t } = useTranslation('operator');
  const { api } = useSession();
  const { postId, field } = usePost(roundId, given);
  const applicants = useApiQuery(keys.applicants(roundId, postId), () =>
    postId ? loadApplicants(api, roundId, postId) : Promise.resolve(null),
  );
  const active =
    applicants.state === 'ready' ? (applicants.data?.applicants ?? []).filter((a) => !a.withdrawn) : [];
  const [applicantId, setApplicantId] = useState('');
  const [cause, setCause] = useState<(typeof CAUSES)[number]>('declared');
  const { reason: note, field: noteField } = useReason(t('forms.note'));
  return (
    <Stack gap="sm">
      {field}
      <NativeSelect
        label={t('forms.applicant')}
        required
        value={applicantId}
        onChange={(e) => setApplicantId(e.currentTarget.value)}
        data={[
          { value: '', label: t('forms.chooseApplicant') },
          ...active.map((a) => ({
            value: a.applicantId,
            label: `${a.name ?? a.applicantId} (${a.nip ?? '–'})`,
          })),
        ]}
      />
      <NativeSelect
        label={t('forms.cause')}
        value={cause}
        onChange={(e) => setCause(e.currentTarget.value as typeof cause)}
        data={CAUSES.map((value) => ({ value, label: t(`cause.${value}`) }))}
      />
      {noteField}
      <DecisionSubmit
        roundId={roundId}
        type="WithdrawApplicant"
        body={postId && applicantId && note ? { postId, applicantId, cause, note } : null}
        onDone={onDone}
      />
    </Stack>
  );
}
