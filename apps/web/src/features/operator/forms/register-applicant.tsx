import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DecisionSubmit } from '../../../components/decision-submit';
import type { DecisionFormProps } from '../../decisions/form-contract';
import { DateField } from '../date-field';
import {
  DOCUMENTS,
  EDUCATIONS,
  emptyApplicant,
  exampleApplicant,
  PRIOR_POSTS,
  RANKS,
  registerBody,
  WAIVABLE,
  type ApplicantDraft,
} from './applicant-draft';
import { usePost } from './post-field';

const years = (value: string | number): number =>
  typeof value === 'number' ? value : Number.parseFloat(value) || 0;

/** RegisterApplicant: one applicant (or invitee, PP 119) for one post, with the profile the requirements are judged on (R7-R17). */
export function RegisterApplicantForm({
  roundId,
  postId: given,
  onDone,
}: DecisionFormProps): React.JSX.Element {
  const { t } = useTranslation('operator');
  const { postId, field } = usePost(roundId, given);
  const [d, setDraft] = useState<ApplicantDraft>(emptyApplicant);
  const set = (patch: Partial<ApplicantDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const exception = d.exception;
  return (
    <Stack gap="sm">
      {field}
      <Group>
        <Button
          variant="default"
          size="xs"
          onClick={() => setDraft(exampleApplicant())}
          data-testid="fill-applicant"
        >
          {t('applicant.fillExample')}
        </Button>
        <Button variant="subtle" size="xs" onClick={() => setDraft(emptyApplicant())}>
          {t('applicant.clear')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('applicant.nip')}
          required
          value={d.nip}
          onChange={(e) => set({ nip: e.currentTarget.value })}
        />
        <TextInput
          label={t('applicant.name')}
          required
          value={d.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
        />
        <TextInput
          label={t('applicant.homeAgency')}
          required
          value={d.homeAgency}
          onChange={(e) => set({ homeAgency: e.currentTarget.value })}
        />
        <NativeSelect
          label={t('applicant.rank')}
          value={d.rank}
          onChange={(e) => set({ rank: e.currentTarget.value as ApplicantDraft['rank'] })}
          data={RANKS}
        />
        <NativeSelect
          label={t('applicant.education')}
          value={d.education}
          onChange={(e) => set({ education: e.currentTarget.value as ApplicantDraft['education'] })}
          data={EDUCATIONS}
        />
        <DateField
          label={t('applicant.dateOfBirth')}
          required
          value={d.dateOfBirth}
          onChange={(dateOfBirth) => set({ dateOfBirth })}
        />
        <NumberInput
          label={t('applicant.experience')}
          min={0}
          max={60}
          value={d.relatedExperienceYears}
          onChange={(v) => set({ relatedExperienceYears: years(v) })}
        />
        <NativeSelect
          label={t('applicant.priorKind')}
          value={d.priorKind}
          onChange={(e) => set({ priorKind: e.currentTarget.value as ApplicantDraft['priorKind'] })}
          data={PRIOR_POSTS.map((value) => ({ value, label: t(`priorPost.${value}`) }))}
        />
        <TextInput
          label={t('applicant.priorTitle')}
          required
          value={d.priorTitle}
          onChange={(e) => set({ priorTitle: e.currentTarget.value })}
        />
        <NumberInput
          label={t('applicant.priorYears')}
          min={0}
          max={60}
          value={d.priorYears}
          onChange={(v) => set({ priorYears: years(v) })}
        />
      </SimpleGrid>
      <Checkbox.Group
        label={t('applicant.documents')}
        description={t('applicant.documentsHint')}
        value={d.documents}
        onChange={(documents) => set({ documents: documents as ApplicantDraft['documents'] })}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="xs">
          {DOCUMENTS.map((kind) => (
            <Checkbox key={kind} value={kind} label={t(`document.${kind}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Switch
        label={t('applicant.invited')}
        checked={d.invited}
        onChange={(e) => set({ invited: e.currentTarget.checked })}
      />
      <Switch
        label={t('applicant.exception')}
        checked={exception !== null}
        onChange={(e) =>
          set({ exception: e.currentTarget.checked ? { ruleIds: [], letterNumber: '' } : null })
        }
      />
      {exception && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Checkbox.Group
            label={t('applicant.exceptionRules')}
            value={exception.ruleIds}
            onChange={(ruleIds) =>
              set({ exception: { ...exception, ruleIds: ruleIds as typeof exception.ruleIds } })
            }
          >
            <Group mt="xs">
              {WAIVABLE.map((ruleId) => (
                <Checkbox key={ruleId} value={ruleId} label={ruleId} />
              ))}
            </Group>
          </Checkbox.Group>
          <TextInput
            label={t('applicant.exceptionLetter')}
            value={exception.letterNumber}
            onChange={(e) => set({ exception: { ...exception, letterNumber: e.currentTarget.value } })}
          />
        </SimpleGrid>
      )}
      <DecisionSubmit
        roundId={roundId}
        type="RegisterApplicant"
        body={registerBody(postId, d)}
        onDone={onDone}
      />
    </Stack>
  );
}
