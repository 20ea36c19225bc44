import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import 'dayjs/locale/id';
import 'dayjs/locale/en-gb';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { QueryProvider } from './api/query';
import { App } from './app';
import { chosenLanguage, initI18n } from './i18n';
import { SessionProvider, useSession } from './session-context';
import { cssVariablesResolver, theme } from './theme';

/** One QueryClient per signed-in user: signing in as someone else starts from an empty cache. */
function SessionQueries({ children }: { children: React.ReactNode }): React.JSX.Element {
  const { session } = useSession();
  return <QueryProvider key={session?.user.sub ?? ''}>{children}</QueryProvider>;
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
const language = chosenLanguage();
document.documentElement.lang = language;
void initI18n(language).then(() =>
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        <Notifications />
        <BrowserRouter>
          <SessionProvider>
            <SessionQueries>
              <App />
            </SessionQueries>
          </SessionProvider>
        </BrowserRouter>
      </MantineProvider>
    </StrictMode>,
  ),
);
