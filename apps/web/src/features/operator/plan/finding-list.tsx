import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../../api/call';
import { sectionOf, type PlanJudgement, type PlanSection } from './use-plan-check';

/**
 * The API's findings on one part of the plan (POST /rounds/plan-check): a red badge with the rule
 * id and the domain's reason in the reader's language for each, or a green one when the part has
 * none. The `plan` part also says why the API could not judge (an incomplete plan, a policy not in
 * force). Guidance while editing: the API judges the plan again when it is sent.
 */
export function FindingList({
  judgement,
  section,
  label,
}: {
  judgement: PlanJudgement;
  section: PlanSection;
  label: string;
}): React.JSX.Element | null {
  const { t, i18n } = useTranslation('operator');
  const language = i18n.language === 'en' ? 'en' : 'id';
  const body = (() => {
    if (judgement.state === 'waiting')
      return section === 'plan' ? (
        <Text size="sm" c="gray.7">
          {t('checks.waiting')}
        </Text>
      ) : null;
    if (judgement.state === 'checking')
      return (
        <Text size="sm" c="gray.7">
          {t('checks.checking')}
        </Text>
      );
    if (judgement.state === 'failed') {
      if (section !== 'plan') return null;
      const problem = judgement.failure instanceof ApiProblem ? judgement.failure.problem : undefined;
      const fields = problem?.errors
        ?.map((e) => e.path)
        .filter(Boolean)
        .join(', ');
      return (
        <Group gap="xs" wrap="nowrap" data-finding={problem?.code ?? 'UNKNOWN'}>
          <Badge variant="filled" color="orange.9" miw={96}>
            {problem?.ruleId ? `${problem.ruleId} · ` : ''}
            {t('checks.fail')}
          </Badge>
          <Text size="sm">
            {problem?.code === 'REQUEST.INVALID'
              ? t('checks.incomplete', { fields: fields || '–' })
              : (problem?.reason?.[language] ?? problem?.detail ?? t('checks.unavailable'))}
          </Text>
        </Group>
      );
    }
    const findings = judgement.check.findings.filter((f) => sectionOf(f.code) === section);
    if (findings.length === 0) {
      if (section === 'plan') return null;
      return (
        <Group gap="xs" wrap="nowrap" data-finding="none">
          <Badge variant="filled" color="teal.9" miw={96}>
            {t('checks.ok')}
          </Badge>
          <Text size="sm">{t('checks.none')}</Text>
        </Group>
      );
    }
    return findings.map((finding, index) => (
      <Group
        key={`${finding.code}-${index}`}
        gap="xs"
        wrap="nowrap"
        data-finding={finding.code}
        data-rule-id={finding.ruleId}
      >
        <Badge variant="filled" color="red.9" miw={96}>
          {finding.ruleId ? `${finding.ruleId} · ` : ''}
          {t('checks.fail')}
        </Badge>
        <Text size="sm">{finding.reason[language]}</Text>
      </Group>
    ));
  })();
  if (body === null) return null;
  return (
    <Stack gap={4} role="group" aria-label={label} aria-live="polite" data-findings={section}>
      {body}
    </Stack>
  );
}
