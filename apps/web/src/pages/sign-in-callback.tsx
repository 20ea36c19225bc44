import { Loader } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { getJson } from '../api/call';
import { returnPathOf, userManager, type SignInOptions } from '../auth/oidc';
import { Page } from '../components/page';
import { ProblemAlert } from '../components/problem-alert';
import { oidcSession, useSession } from '../session-context';

/**
 * Back from the identity provider (/console/auth/callback?code&state): the code is exchanged for
 * tokens (with the PKCE verifier kept in this tab), the API says who the token is, and the page the
 * user started from opens. Runs once, even in React's strict mode (a code can be redeemed once).
 */
export function SignInCallback(): React.JSX.Element {
  const { t } = useTranslation();
  const { signIn, attachOidc } = useSession();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<unknown>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      try {
        const options = await getJson<SignInOptions>('/auth/options');
        if (!options.oidc) throw new Error(t('signIn.noProvider'));
        const manager = userManager(options.oidc);
        attachOidc(manager);
        const user = await manager.signinRedirectCallback();
        signIn(await oidcSession(user));
        await navigate(returnPathOf(user), { replace: true });
      } catch (thrown) {
        setFailure(thrown);
      }
    })();
  }, [navigate, signIn, t, attachOidc]);

  return (
    <Page name="sign-in-callback" title={t('signIn.title')} busy={failure === null}>
      {failure === null ? <Loader aria-label={t('signIn.completing')} /> : <ProblemAlert failure={failure} />}
    </Page>
  );
}
