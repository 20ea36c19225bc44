import { MantineProvider } from '@mantine/core';
import { act, render, type RenderResult } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { QueryProvider } from '../src/api/query';
import { initI18n, type Language } from '../src/i18n';
import { theme } from '../src/theme';

/** Renders a console component as the app would (Mantine, a fresh QueryClient, router, i18n in `language`). */
export async function renderConsole(
  ui: React.ReactElement,
  { language = 'id', path = '/console/' }: { language?: Language; path?: string } = {},
): Promise<RenderResult> {
  const i18n = await initI18n(language);
  await i18n.changeLanguage(language);
  // Inside act, so what the component loads on mount (already answered by a stubbed fetch) settles first.
  let result: RenderResult | undefined;
  await act(async () => {
    result = render(
      <MantineProvider theme={theme}>
        <QueryProvider>
          <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
        </QueryProvider>
      </MantineProvider>,
    );
  });
  if (!result) throw new Error('render did not run');
  return result;
}
