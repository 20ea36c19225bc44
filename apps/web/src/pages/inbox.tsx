import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createApi } from '../api/client';
import { problemText } from '../api/problem';
import type { Inbox as InboxBody } from '../api/responses';
import { formatDateTime, formatWait, waitStatus } from '../format';

type Loaded = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; inbox: InboxBody };

/** The decisions waiting on the caller (GET /inbox), oldest first, waited time against the service level. */
export function Inbox({ token, locale }: { token: string; locale: string }): React.JSX.Element {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    createApi(token)
      .GET('/inbox')
      .then(({ data, error }) => setLoaded(error ? { state: 'failed', message: problemText(t, error) } : { state: 'ready', inbox: data as unknown as InboxBody }))
      .catch((thrown: unknown) => setLoaded({ state: 'failed', message: problemText(t, thrown) }));
  }, [token, t]);

  if (loaded.state === 'loading') return <p role="status">{t('inbox.loading')}</p>;
  if (loaded.state === 'failed') return <p role="alert">{t('inbox.failed', { message: loaded.message })}</p>;
  const { now, items } = loaded.inbox;
  const oldestFirst = [...items].sort((a, b) => (a.since ?? '').localeCompare(b.since ?? ''));
  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title">{t('inbox.title')}</h1>
      <p>{t('inbox.asOf', { time: formatDateTime(now, locale) })}</p>
      {oldestFirst.length === 0 ? (
        <p>{t('inbox.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('inbox.round')}</th>
              <th scope="col">{t('inbox.post')}</th>
              <th scope="col">{t('inbox.decision')}</th>
              <th scope="col">{t('inbox.since')}</th>
              <th scope="col">{t('inbox.waited')}</th>
              <th scope="col">{t('inbox.status')}</th>
            </tr>
          </thead>
          <tbody>
            {oldestFirst.map((item) => (
              <tr key={`${item.roundId}/${item.postId ?? ''}/${item.command}`}>
                <td>{item.roundName ?? item.roundId}</td>
                <td>{item.postId ?? t('inbox.wholeRound')}</td>
                <td>{item.command}</td>
                <td>{item.since ? formatDateTime(item.since, locale) : t('inbox.unknown')}</td>
                <td>{formatWait(item.waitedDays, item.serviceLevelDays, locale) ?? t('inbox.unknown')}</td>
                <td>{t(`inbox.${waitStatus(item)}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
