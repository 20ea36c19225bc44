import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createApi } from '../api/client';
import { problemText } from '../api/problem';
import type { DevToken, DevUser } from '../api/responses';
import type { Session } from '../session';

type Users = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; users: DevUser[] };

/** The development issuer's sign-in: every seeded user, one button each (GET /dev-auth/users, POST /dev-auth/token). */
export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const [users, setUsers] = useState<Users>({ state: 'loading' });
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    createApi()
      .GET('/dev-auth/users')
      .then(({ data, error }) => setUsers(error ? { state: 'failed', message: problemText(t, error) } : { state: 'ready', users: data as unknown as DevUser[] }))
      .catch((thrown: unknown) => setUsers({ state: 'failed', message: problemText(t, thrown) }));
  }, [t]);

  async function signIn(user: DevUser): Promise<void> {
    setFailure(null);
    try {
      const { data, error } = await createApi().POST('/dev-auth/token', { body: { user: user.sub } });
      if (error) return setFailure(problemText(t, error));
      const token = data as unknown as DevToken;
      onSignedIn({ token: token.access_token, user, expiresAt: Date.now() + token.expires_in * 1000 });
    } catch (thrown) {
      setFailure(problemText(t, thrown));
    }
  }

  return (
    <section aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      {users.state === 'loading' && <p role="status">{t('signIn.loading')}</p>}
      {users.state === 'failed' && <p role="alert">{t('signIn.failed', { message: users.message })}</p>}
      {failure && <p role="alert">{failure}</p>}
      {users.state === 'ready' && (
        <ul>
          {users.users.map((user) => (
            <li key={user.sub}>
              <button type="button" onClick={() => void signIn(user)}>
                {t('signIn.as')}
              </button>{' '}
              <strong>{user.name}</strong>, {t(`roles.${user.role}`)}
              {user.oversight_body ? ` (${user.oversight_body})` : ''}, {t('signIn.agency')}: {user.agency ?? t('signIn.allAgencies')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
