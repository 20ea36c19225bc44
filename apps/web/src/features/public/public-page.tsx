import './public-print.css';
import { Alert, Button, Container, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { keys, useApiQuery } from '../../api/query';
import { LanguageSwitch } from '../../components/language-switch';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem-alert';
import { publishedResults } from './api';
import { Announcements } from './announcements';
import { usePrinting } from './printing';
import { PublicRoundSection } from './public-round';

/**
 * An agency's selection results for everyone, without signing in (R21, PP 11/2017 Pasal 121):
 * its announced and finished rounds and every stage ranking the pansel published. Each round and
 * ranking has an anchor (`#<roundId>`) to link to, and the page prints whole.
 */
export function PublicPage(): React.JSX.Element {
  const { t } = useTranslation('public');
  const { agency = '' } = useParams();
  const results = useApiQuery(keys.published(agency), () => publishedResults(agency));
  const { printing, print } = usePrinting();
  // The agency's own name once a round names it (the plan's), its code until then.
  const agencyName =
    results.state === 'ready' ? results.data.rounds.find((round) => round.agencyName)?.agencyName : undefined;
  const title = t('title', { agency: agencyName ?? agency });
  useEffect(() => {
    document.title = title;
  }, [title]);
  useScrollToHash(results.state === 'ready');
  return (
    <>
      <header className="public-header">
        <Container size="lg" py="sm">
          <Group justify="space-between">
            <Text fw={700}>{t('site')}</Text>
            <Group gap="sm" data-no-print>
              <LanguageSwitch />
              <Button variant="default" size="xs" onClick={print}>
                {t('print')}
              </Button>
            </Group>
          </Group>
        </Container>
      </header>
      <Container size="lg" py="md" component="main">
        <Page name="public" title={title} busy={results.state === 'loading'}>
          <Alert color="blue" variant="light" role="note" title={t('legal.title')} data-testid="legal-basis">
            {t('legal.text')}
          </Alert>
          {results.state === 'loading' && <Loader aria-label={t('loading')} />}
          {results.state === 'failed' && <ProblemAlert failure={results.failure} />}
          {results.state === 'ready' &&
            (results.data.rounds.length === 0 ? (
              <Text>{t('empty')}</Text>
            ) : (
              <Stack gap="xl">
                <Announcements rounds={results.data.rounds} />
                {results.data.rounds.map((round) => (
                  <PublicRoundSection key={round.roundId} round={round} printing={printing} />
                ))}
              </Stack>
            ))}
        </Page>
      </Container>
    </>
  );
}

/** Brings a deep link's target into view once the content it names has rendered. */
function useScrollToHash(ready: boolean): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || hash.length < 2) return;
    document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [ready, hash]);
}
