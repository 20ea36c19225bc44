import { Button, Group, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem-alert';
import { ROUTES } from '../../routes';
import type { RoundView } from './types';
import { useRound } from './use-round';

const LINKS = { round: ROUTES.round, manage: ROUTES.manage, applicants: ROUTES.register } as const;

/**
 * An operator page about one round: links back to the round's view (and its other operator pages),
 * busy while the round loads or a write's effect is awaited, then `children` with the round and
 * `afterWrite` (see useRound).
 */
export function RoundPage({
  name,
  title,
  roundId,
  links,
  reload = false,
  children,
}: {
  name: string;
  title: string;
  roundId: string;
  links: ReadonlyArray<keyof typeof LINKS>;
  reload?: boolean;
  children: (round: RoundView, afterWrite: (version?: number | null) => void) => React.ReactNode;
}): React.JSX.Element {
  const { t } = useTranslation('operator');
  const { round, refreshing, afterWrite } = useRound(roundId);
  return (
    <Page
      name={name}
      title={title}
      busy={round.state === 'loading' || refreshing}
      actions={
        <Group gap="xs">
          {links.map((link) => (
            <Button key={link} component={Link} to={LINKS[link](roundId)} variant="default" size="xs">
              {t(`links.${link}`)}
            </Button>
          ))}
          {reload && (
            <Button variant="default" size="xs" onClick={round.reload} loading={refreshing}>
              {t('links.refresh')}
            </Button>
          )}
        </Group>
      }
    >
      {round.state === 'loading' && <Loader aria-label={t('links.loading')} />}
      {round.state === 'failed' && <ProblemAlert failure={round.failure} />}
      {round.state === 'ready' && children(round.data, (version) => void afterWrite(version))}
    </Page>
  );
}
