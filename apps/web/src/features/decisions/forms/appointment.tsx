import { Fieldset, Group, List, Select, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DecisionSubmit } from '../../../components/decision-submit';
import { parseDate } from '../../operator/date-parse';
import { decreeBody, inaugurateBody, type WitnessLevel, type WitnessRow } from '../bodies';
import { useDecisionData } from '../context';
import type { DecisionFormProps } from '../form-contract';
import { AppointeeLine, NumberField, RuleNote } from './fields';

const LEVELS: WitnessLevel[] = ['jpt-utama', 'jpt-madya', 'jpt-pratama', 'administrator', 'pengawas'];
const NO_WITNESS: WitnessRow = { nip: '', name: '', level: null };

/** IssueAppointmentDecree: the SK, once its preconditions hold (the governor's agreement R24, the DPRD leadership's R25, the overseer's recommendation, Mendagri R29, age R33). */
export function AppointmentDecreeForm({ roundId, postId, onDone }: DecisionFormProps): React.JSX.Element {
  const { t } = useTranslation('decisions');
  const { post } = useDecisionData();
  const [decreeNumber, setDecreeNumber] = useState('');
  return (
    <Stack gap="md">
      <AppointeeLine />
      <Text size="sm" fw={700} id="decree-preconditions">
        {t('decree.preconditions')}
      </Text>
      <List size="sm" aria-labelledby="decree-preconditions">
        {post?.kind === 'sekda' && <List.Item>{t('decree.governor')}</List.Item>}
        {post?.kind === 'sekwan' && <List.Item>{t('decree.dprd')}</List.Item>}
        <List.Item>{t('decree.recommendation')}</List.Item>
        <List.Item>{t('decree.mendagri')}</List.Item>
        <List.Item>{t('decree.retirement')}</List.Item>
      </List>
      <NumberField label={t('decree.number')} value={decreeNumber} onChange={setDecreeNumber} />
      <DecisionSubmit
        roundId={roundId}
        type="IssueAppointmentDecree"
        body={decreeBody(postId, decreeNumber)}
        onDone={onDone}
      />
    </Stack>
  );
}

/** InaugurateAppointee: the day, the oath before two witnesses of at least equal post (R26), the clergy and the minutes. */
export function InaugurateForm({ roundId, postId, onDone }: DecisionFormProps): React.JSX.Element {
  const { t } = useTranslation('decisions');
  const [inauguratedOn, setInauguratedOn] = useState<string | null>(null);
  const [witnesses, setWitnesses] = useState<WitnessRow[]>([NO_WITNESS, NO_WITNESS]);
  const [clergy, setClergy] = useState('');
  const [minutesNumber, setMinutesNumber] = useState('');
  const levels = LEVELS.map((value) => ({ value, label: t(`level.${value}`) }));
  const change = (index: number, patch: Partial<WitnessRow>) =>
    setWitnesses((all) => all.map((w, i) => (i === index ? { ...w, ...patch } : w)));
  return (
    <Stack gap="md">
      <AppointeeLine />
      <DateInput
        label={t('inaugurate.date')}
        value={inauguratedOn}
        onChange={setInauguratedOn}
        valueFormat="D MMMM YYYY"
        // Typed as offices write dates (13/12/2026, 2026-12-13): Mantine's own parser reads only its display format, and only with a dayjs plugin the console does not load.
        dateParser={parseDate}
        required
        w={{ base: '100%', sm: 260 }}
      />
      <RuleNote ruleId="R26">{t('inaugurate.witnessRule')}</RuleNote>
      {witnesses.map((witness, index) => (
        <Fieldset key={index} legend={t('inaugurate.witness', { number: index + 1 })}>
          <Group grow align="flex-start">
            <TextInput
              label={t('inaugurate.nip')}
              value={witness.nip}
              onChange={(event) => change(index, { nip: event.currentTarget.value })}
              maxLength={32}
              required
            />
            <TextInput
              label={t('inaugurate.name')}
              value={witness.name}
              onChange={(event) => change(index, { name: event.currentTarget.value })}
              maxLength={200}
              required
            />
            <Select
              label={t('inaugurate.level')}
              data={levels}
              value={witness.level}
              onChange={(value) => change(index, { level: LEVELS.find((level) => level === value) ?? null })}
              required
            />
          </Group>
        </Fieldset>
      ))}
      <TextInput
        label={t('inaugurate.clergy')}
        value={clergy}
        onChange={(event) => setClergy(event.currentTarget.value)}
        maxLength={200}
        required
      />
      <NumberField label={t('inaugurate.minutes')} value={minutesNumber} onChange={setMinutesNumber} />
      <DecisionSubmit
        roundId={roundId}
        type="InaugurateAppointee"
        body={inaugurateBody(postId, inauguratedOn, witnesses, clergy, minutesNumber)}
        onDone={onDone}
      />
    </Stack>
  );
}
