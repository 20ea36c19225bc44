import { Badge, Button, Card, Divider, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bodyOf } from '../api/call';
import { createApi } from '../api/client';
import { keys, useApiQuery } from '../api/query';
import { userManager, type SignInOptions } from '../auth/oidc';
import { LoadedPage } from '../components/page';
import { ProblemAlert } from '../components/problem-alert';
import type { DevUser, Session } from '../session';
import { useSession } from '../session-context';

/** A session for `user` with the issued token, expiring `expiresIn` seconds from now. */
function sessionOf(token: string, expiresIn: number, user: DevUser): Session {
  return { token, user, expiresAt: Date.now() + expiresIn * 1000, via: 'dev' };
}

/**
 * Signing in: at the identity provider the API names (OpenID Connect, Authorization Code with
 * PKCE; GET /auth/options), and, where the development issuer is on, as one of its seeded users.
 */
export function SignIn(): React.JSX.Element {
  const { t } = useTranslation();
  const options = useApiQuery(keys.signInOptions, () => bodyOf(createApi().GET('/auth/options')));
  return (
    <LoadedPage name="sign-in" title={t('signIn.title')} loaded={options}>
      {(o) => (
        <Stack>
          {o.oidc && <IdentityProvider oidc={o.oidc} />}
          {o.oidc && o.devIssuer && <Divider />}
          {o.devIssuer && <DevUsers />}
          {!o.oidc && !o.devIssuer && <Text>{t('signIn.none')}</Text>}
        </Stack>
      )}
    </LoadedPage>
  );
}

/** One button to the identity provider's own sign-in page; back at /console/auth/callback. */
function IdentityProvider({ oidc }: { oidc: NonNullable<SignInOptions['oidc']> }): React.JSX.Element {
  const { t } = useTranslation();
  const { attachOidc } = useSession();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function go(): Promise<void> {
    setFailure(null);
    setBusy(true);
    try {
      const manager = userManager(oidc);
      attachOidc(manager);
      const here = window.location.pathname + window.location.search;
      await manager.signinRedirect({ state: { returnTo: here } });
    } catch (thrown) {
      setFailure(thrown);
      setBusy(false);
    }
  }

  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Title order={3}>{t('signIn.sso')}</Title>
        <Text size="sm">{t('signIn.ssoIntro')}</Text>
        {failure !== null && <ProblemAlert failure={failure} />}
        <Group>
          <Button onClick={() => void go()} loading={busy}>
            {t('signIn.ssoButton')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The development issuer's seeded users, one button each (GET /dev-auth/users, POST /dev-auth/token). */
function DevUsers(): React.JSX.Element {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const users = useApiQuery(keys.devUsers, () => bodyOf(createApi().GET('/dev-auth/users')));
  const [failure, setFailure] = useState<unknown>(null);

  async function signInAs(user: DevUser): Promise<void> {
    setFailure(null);
    try {
      const token = await bodyOf(createApi().POST('/dev-auth/token', { body: { user: user.sub } }));
      signIn(sessionOf(token.access_token, token.expires_in, user));
    } catch (thrown) {
      setFailure(thrown);
    }
  }

  if (users.state === 'failed') return <ProblemAlert failure={users.failure} />;
  if (users.state === 'loading') return <Text>{t('signIn.loading')}</Text>;
  return (
    <Stack>
      <Text>{t('signIn.intro')}</Text>
      {failure !== null && <ProblemAlert failure={failure} />}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {users.data.map((user) => (
          <Card key={user.sub} withBorder padding="sm">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2}>
                <Text fw={600}>{user.name}</Text>
                <Text size="sm">
                  {t(`roles.${user.role}`)}
                  {user.oversight_body ? ` (${user.oversight_body})` : ''}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('signIn.agency')}: {user.agency ?? t('signIn.allAgencies')}
                </Text>
              </Stack>
              <Badge variant="light">{user.sub}</Badge>
            </Group>
            <Button
              mt="sm"
              onClick={() => void signInAs(user)}
              aria-label={t('signIn.asUser', { name: user.name })}
            >
              {t('signIn.as')}
            </Button>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
