import { Alert, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../i18n';
import { effectivePolicy, type PolicyList, type PolicyView } from './policies';

/**
 * The policy version a round is planned under (KASN era, BKN era, regional variants), or the one
 * in force: the versions, their numbers and which is in force come from the API (GET /policies).
 */
export function PolicyField({
  value,
  onChange,
  policies,
}: {
  value: string | null;
  onChange: (policyId: string | null) => void;
  policies: PolicyList | undefined;
}): React.JSX.Element {
  const { t, i18n } = useTranslation('operator');
  const language = i18n.language === 'en' ? 'en' : 'id';
  const date = (iso: string) =>
    new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(iso),
    );
  const validity = (p: PolicyView) =>
    p.validTo
      ? t('policy.validRange', { from: date(p.validFrom), to: date(p.validTo) })
      : t('policy.validFrom', { from: date(p.validFrom) });
  const chosen = effectivePolicy(policies, value);
  return (
    <Stack gap="xs">
      <NativeSelect
        label={t('policy.label')}
        description={t('policy.hint')}
        value={value ?? ''}
        onChange={(e) => onChange(e.currentTarget.value || null)}
        data={[
          { value: '', label: t('policy.automatic', { id: policies?.current ?? '–' }) },
          ...(policies?.policies ?? []).map((p) => ({
            value: p.id,
            label: `${p.title[language]} (${p.id}) · ${validity(p)}`,
          })),
        ]}
      />
      {chosen && (
        <Text size="sm" data-testid="policy-summary">
          {t('policy.summary', {
            id: chosen.id,
            gate:
              chosen.gates.planRecommendation.value === 'none'
                ? t('policy.noGate')
                : chosen.gates.planRecommendation.value,
            cap: Math.round(chosen.numbers.panselMaxInternalShare.value * 100),
            min: chosen.numbers.minApplicantsPerPost.value,
            lead: chosen.numbers.announcementLeadDays.value,
            counting: t(`policy.counting.${chosen.numbers.announcementLeadCounting.value}`),
            convention: t(`policy.convention.${chosen.numbers.announcementLeadConvention.value}`),
            age: chosen.numbers.maxAgeYears.value,
            reading: t(`policy.reading.${chosen.numbers.maxAgeReading.value}`, {
              age: chosen.numbers.maxAgeYears.value,
              next: chosen.numbers.maxAgeYears.value + 1,
            }),
          })}
        </Text>
      )}
      {chosen && !chosen.inForce && (
        <Alert color="orange" title={t('policy.notInForceTitle')}>
          {t('policy.notInForce', { id: chosen.id, validity: validity(chosen) })}
        </Alert>
      )}
    </Stack>
  );
}
