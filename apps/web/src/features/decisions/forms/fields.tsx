import { Alert, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRule } from '../../../components/rules';
import { LOCALES } from '../../../i18n';
import { useSession } from '../../../session-context';
import { applicantName } from '../applicants';
import type { OversightBody } from '../bodies';
import { useDecisionData } from '../context';

/** Scores and totals as the reader writes numbers (85,5 in id-ID), '–' when there is none. */
export function useScoreFormat(): (value: number | null | undefined) => string {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(LOCALES[i18n.language === 'en' ? 'en' : 'id'], {
    maximumFractionDigits: 2,
  });
  return (value) => (value === null || value === undefined ? '–' : format.format(value));
}

/** The liaison's own body (the token's oversight_body): the API accepts a gate's letter only from the body holding it. */
export function useOversightBody(): OversightBody | undefined {
  return useSession().session?.user.oversight_body;
}

/** A letter's or decree's number (at most 120 characters, as the API takes it). */
export function NumberField({
  label,
  value,
  onChange,
  description,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  description?: string;
}): React.JSX.Element {
  return (
    <TextInput
      label={label}
      description={description}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      maxLength={120}
      required
      w={{ base: '100%', sm: 420 }}
    />
  );
}

/** A reason or note; `required` where the domain refuses the decision without one. */
export function ReasonField({
  label,
  value,
  onChange,
  required = false,
  maxLength = 2000,
  description,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  maxLength?: number;
  description?: string;
}): React.JSX.Element {
  return (
    <Textarea
      label={label}
      description={description}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      required={required}
      maxLength={maxLength}
      autosize
      minRows={3}
    />
  );
}

/** Which body issues the letter (the signed-in liaison's) and its number. */
export function OversightLetterFields({
  letterNumber,
  onLetterNumber,
}: {
  letterNumber: string;
  onLetterNumber: (value: string) => void;
}): React.JSX.Element {
  const { t } = useTranslation('decisions');
  const body = useOversightBody();
  return (
    <>
      {body ? (
        <Text size="sm">{t('oversight.issuedBy', { body })}</Text>
      ) : (
        <Alert color="yellow" role="note">
          {t('oversight.noBody')}
        </Alert>
      )}
      <NumberField label={t('oversight.letterNumber')} value={letterNumber} onChange={onLetterNumber} />
    </>
  );
}

/** Why a gate or rule applies here: its id, title and legal source from GET /rules, and the reason in words. */
export function RuleNote({
  ruleId,
  children,
  color = 'blue',
}: {
  ruleId: string;
  children: React.ReactNode;
  color?: string;
}): React.JSX.Element {
  const { t, i18n } = useTranslation('decisions');
  const rule = useRule(ruleId);
  const language = i18n.language === 'en' ? 'en' : 'id';
  return (
    <Alert
      color={color}
      role="note"

      title={rule ? `${ruleId} · ${rule.title[language]}` : ruleId}
      data-rule-id={ruleId}
    >
      <Text size="sm" component="div">
        {children}
      </Text>
      {rule && (
        <Text size="sm" mt={4}>
          {t('rule.source', { source: rule.source })}
        </Text>
      )}
    </Alert>
  );
}

/** The appointee the PPK chose for this post, as the round's read model names them. */
export function AppointeeLine(): React.JSX.Element {
  const { t } = useTranslation('decisions');
  const { post, applicants } = useDecisionData();
  const id = post?.appointeeId ?? null;
  const appointee = applicants.find((a) => a.applicantId === id);
  return (
    <Text data-testid="appointee">
      {id
        ? t('appointee.line', { name: applicantName(appointee, id), nip: appointee?.nip ?? '–' })
        : t('appointee.none')}
    </Text>
  );
}
