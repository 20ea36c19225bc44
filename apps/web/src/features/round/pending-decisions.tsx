import { Alert, Anchor, Button, Group, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { bodyOf } from '../../api/call';
import { keys, useApiQuery } from '../../api/query';
import { ROUTES } from '../../routes';
import { useSession } from '../../session-context';

/**
 * The decisions of this round waiting on the caller (from GET /inbox), each one click from its
 * form. Loaded after the round is shown and silent when there are none or the inbox fails: the
 * inbox page itself says why.
 */
export function PendingDecisions({ roundId }: { roundId: string }): React.JSX.Element | null {
  const { t } = useTranslation('round');
  const { t: tc } = useTranslation();
  const { api } = useSession();
  const inbox = useApiQuery(keys.inbox, () => bodyOf(api.GET('/inbox')));
  const mine = inbox.state === 'ready' ? inbox.data.items.filter((item) => item.roundId === roundId) : [];
  if (mine.length === 0) return null;
  return (
    <Alert
      color="blue"
      role="note"
      title={t('view.pendingTitle', { count: mine.length })}
      data-testid="pending-decisions"
    >
      <List spacing="xs">
        {mine.map((item) => {
          const decision = tc(`commands.${item.command}`, { defaultValue: item.command });
          return (
            <List.Item key={`${item.command}/${item.postId ?? ''}`}>
              <Group gap="sm">
                <span>
                  {decision}
                  {item.postId ? ` · ${item.postId}` : ''}
                </span>
                <Button
                  component={Link}
                  to={ROUTES.decide(roundId, item.command, item.postId)}
                  size="compact-xs"
                  aria-label={t('view.decideLabel', { decision })}
                >
                  {t('view.decide')}
                </Button>
              </Group>
            </List.Item>
          );
        })}
      </List>
      <Anchor component={Link} to={ROUTES.home} size="sm">
        {t('view.inbox')}
      </Anchor>
    </Alert>
  );
}
