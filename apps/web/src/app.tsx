import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, LOCALES, type Language } from './i18n';
import { Inbox } from './pages/inbox';
import { SignIn } from './pages/sign-in';
import { loadSession, saveSession, type Session } from './session';

/** The console's shell: language switch, who is signed in, and the page for them. */
export function App(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const language = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'id';

  function changeSession(next: Session | null): void {
    saveSession(next);
    setSession(next);
  }

  function changeLanguage(next: Language): void {
    document.documentElement.lang = next;
    void i18n.changeLanguage(next);
  }

  return (
    <>
      <header>
        <strong>{t('app.title')}</strong>{' '}
        <label>
          {t('app.language')}{' '}
          <select value={language} onChange={(event) => changeLanguage(event.target.value as Language)}>
            <option value="id">Bahasa Indonesia</option>
            <option value="en">English</option>
          </select>
        </label>
        {session && (
          <>
            {' '}
            <span>{t('app.signedInAs', { name: session.user.name, role: t(`roles.${session.user.role}`) })}</span>{' '}
            <button type="button" onClick={() => changeSession(null)}>
              {t('app.signOut')}
            </button>
          </>
        )}
      </header>
      <main>{session ? <Inbox token={session.token} locale={LOCALES[language]} /> : <SignIn onSignedIn={changeSession} />}</main>
    </>
  );
}
