import { useTranslation } from 'react-i18next';
import { ToneBadge } from '../../components/tone-badge';

export { ToneBadge };

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
