import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../i18n';
import type { Check } from './checks';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The live checks of one part of the plan: a green or red badge with the rule id, and what it says. */
export function CheckList({ checks, label }: { checks: readonly Check[]; label: string }): React.JSX.Element {
  const { t, i18n } = useTranslation('operator');
  const locale = LOCALES[i18n.language === 'en' ? 'en' : 'id'];
  const shown = (value: string | number) => (typeof value === 'string' && ISO_DATE.test(value) ? new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(value)) : value);
  return (
    <Stack gap={4} role="group" aria-label={label} aria-live="polite">
      {checks.map((check) => (
        <Group key={check.id} gap="xs" wrap="nowrap" data-check={check.id} data-ok={check.ok}>
          <Badge variant="filled" color={check.ok ? 'teal.9' : 'red.9'} miw={96}>
            {check.ruleId ? `${check.ruleId} · ` : ''}
            {check.ok ? t('checks.ok') : t('checks.fail')}
          </Badge>
          <Text size="sm">{t(`checks.${check.id}`, Object.fromEntries(Object.entries(check.values ?? {}).map(([key, value]) => [key, shown(value)])))}</Text>
        </Group>
      ))}
    </Stack>
  );
}
