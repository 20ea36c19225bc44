import { Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bodyOf } from '../api/call';
import { createApi } from '../api/client';
import { keys, useApiQuery } from '../api/query';
import { LoadedPage } from '../components/page';
import { ProblemAlert } from '../components/problem-alert';
import type { DevUser, Session } from '../session';
import { useSession } from '../session-context';

/** A session for `user` with the issued token, expiring `expiresIn` seconds from now. */
function sessionOf(token: string, expiresIn: number, user: DevUser): Session {
  return { token, user, expiresAt: Date.now() + expiresIn * 1000 };
}

/** The development issuer's sign-in: every seeded user, one button each (GET /dev-auth/users, POST /dev-auth/token). */
export function SignIn(): React.JSX.Element {
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

  return (
    <LoadedPage name="sign-in" title={t('signIn.title')} loaded={users}>
      {(list) => (
        <Stack>
          <Text>{t('signIn.intro')}</Text>
          {failure !== null && <ProblemAlert failure={failure} />}
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {list.map((user) => (
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
      )}
    </LoadedPage>
  );
}
