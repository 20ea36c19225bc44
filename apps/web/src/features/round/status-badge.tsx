import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Colours chosen for text contrast on Mantine's light badges; the words carry the meaning.
const ROUND_COLOR: Record<string, string> = {
  planned: 'gray',
  submitted: 'yellow',
  recommended: 'cyan',
  rejected: 'red',
  announced: 'blue',
  closed: 'green',
  cancelled: 'red',
};
const POST_COLOR: Record<string, string> = {
  planned: 'gray',
  registration: 'blue',
  'awaiting-oversight': 'yellow',
  selection: 'indigo',
  shortlisted: 'violet',
  chosen: 'teal',
  inaugurated: 'green',
  'rerun-required': 'orange',
  dropped: 'red',
  postponed: 'orange',
  cancelled: 'red',
};

// Long statuses ("Pejabat dipilih PPK") wrap in narrow table columns instead of being cut off.
const WRAP = { label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' } } as const;

/**
 * A light badge whose words keep WCAG AA contrast: Mantine's light variant writes in a mid shade of
 * the colour (about 3:1 on its own tint for green, teal, orange; even the darkest shade of teal stays
 * under 4.5:1), so the tint carries the colour and the words are dark.
 */
export function ToneBadge({
  color,
  children,
  ...rest
}: { color: string; children: React.ReactNode } & Omit<BadgeProps, 'color' | 'variant' | 'c'> & {
    'data-status'?: string;
  }): React.JSX.Element {
  return (
    <Badge color={color} variant="light" c="dark.6" h="auto" styles={WRAP} {...rest}>
      {children}
    </Badge>
  );
}

/** A round's status in the reader's language (round namespace `roundStatus.*`). */
export function RoundStatusBadge({ status }: { status: string }): React.JSX.Element {
  const { t } = useTranslation('round');
  return (
    <ToneBadge color={ROUND_COLOR[status] ?? 'gray'} data-status={status}>
      {t(`roundStatus.${status}`, { defaultValue: status })}
    </ToneBadge>
  );
}

/** A post's status in the reader's language (round namespace `postStatus.*`). */
export function PostStatusBadge({ status }: { status: string }): React.JSX.Element {
  const { t } = useTranslation('round');
  return (
    <ToneBadge color={POST_COLOR[status] ?? 'gray'} data-status={status}>
      {t(`postStatus.${status}`, { defaultValue: status })}
    </ToneBadge>
  );
}

/** The words for an event type (round namespace `event.*`), for the timeline and the auditor. */
export function useEventLabel(): (type: string) => string {
  const { t } = useTranslation('round');
  return (type) => t(`event.${type}`, { defaultValue: type });
}
