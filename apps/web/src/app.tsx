import { AppShell, Burger, Button, Group, NavLink, Text } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import type { Role } from './session';
import { AuditView } from './features/audit/audit-view';
import { VerifyBundlePage } from './features/audit/offline/verify-bundle-page';
import { DecisionPage } from './features/decisions/decision-page';
import { ManageRound } from './features/operator/manage-round';
import { PlanRound } from './features/operator/plan-round';
import { RegisterApplicants } from './features/operator/register-applicants';
import { PublicPage } from './features/public/public-page';
import { RoundList } from './features/round/round-list';
import { RoundView } from './features/round/round-view';
import { LanguageSwitch } from './components/language-switch';
import { Inbox } from './pages/inbox';
import { ROUTES } from './routes';
import { SignIn } from './pages/sign-in';
import { SignInCallback } from './pages/sign-in-callback';
import { CALLBACK_PATH } from './auth/oidc';
import { useSession } from './session-context';

const NAV: Array<{ to: string; label: string; roles: Role[] | 'all' }> = [
  { to: ROUTES.home, label: 'nav.inbox', roles: 'all' },
  { to: ROUTES.rounds, label: 'nav.rounds', roles: 'all' },
  { to: ROUTES.newRound, label: 'nav.newRound', roles: ['operator'] },
];

/** The shell (header, navigation by role) around the signed-in pages; the sign-in page when signed out. */
function Console(): React.JSX.Element {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const [opened, { toggle }] = useDisclosure();
  const location = useLocation();
  if (!session || location.pathname === CALLBACK_PATH) {
    return (
      <AppShell header={{ height: 56 }} padding="md">
        <Header />
        <AppShell.Main>{location.pathname === CALLBACK_PATH ? <SignInCallback /> : <SignIn />}</AppShell.Main>
      </AppShell>
    );
  }
  const role = session.user.role;
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <Header
        burger={
          <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('app.menu')} />
        }
      >
        <Text size="sm" data-testid="signed-in-as">
          {t('app.signedInAs', { name: session.user.name, role: t(`roles.${role}`) })}
          {session.user.agency || session.user.oversight_body
            ? ` · ${session.user.agency ?? session.user.oversight_body}`
            : ''}
        </Text>
        <Button variant="default" size="xs" onClick={signOut}>
          {t('app.signOut')}
        </Button>
      </Header>
      <AppShell.Navbar p="xs" aria-label={t('app.navigation')}>
        {NAV.filter((item) => item.roles === 'all' || item.roles.includes(role)).map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.label)}
            active={location.pathname === item.to}
          />
        ))}
        {session.user.agency && (
          <NavLink component={Link} to={ROUTES.publik(session.user.agency)} label={t('nav.publicPage')} />
        )}
      </AppShell.Navbar>
      <AppShell.Main>
        <Routes>
          <Route path="/console" element={<Inbox />} />
          <Route path="/console/rounds" element={<RoundList />} />
          <Route path="/console/rounds/new" element={<PlanRound />} />
          <Route path="/console/rounds/:roundId" element={<RoundView />} />
          <Route path="/console/rounds/:roundId/manage" element={<ManageRound />} />
          <Route path="/console/rounds/:roundId/applicants" element={<RegisterApplicants />} />
          <Route path="/console/rounds/:roundId/decide/:type?" element={<DecisionPage />} />
          <Route path="/console/rounds/:roundId/audit" element={<AuditView />} />
          <Route path="/console/audit/verify" element={<VerifyBundlePage />} />
          <Route path="*" element={<Navigate to={ROUTES.home} replace />} />
        </Routes>
      </AppShell.Main>
    </AppShell>
  );
}

function Header({
  burger,
  children,
}: {
  burger?: React.ReactNode;
  children?: React.ReactNode;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <AppShell.Header px="md">
      <Group h="100%" justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          {burger}
          <Text fw={700} component={Link} to={ROUTES.home} c="inherit" td="none">
            {t('app.title')}
          </Text>
        </Group>
        <Group gap="sm" wrap="nowrap">
          <LanguageSwitch />
          {children}
        </Group>
      </Group>
    </AppShell.Header>
  );
}

/** Dates and pickers in the reader's language; the public page outside the console's shell. */
export function App(): React.JSX.Element {
  const { i18n } = useTranslation();
  return (
    <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en-gb' : 'id', firstDayOfWeek: 1 }}>
      <Routes>
        <Route path="/publik/:agency" element={<PublicPage />} />
        <Route path="*" element={<Console />} />
      </Routes>
    </DatesProvider>
  );
}
