import { createTheme } from '@mantine/core';

/** Mantine's defaults with a darker primary shade, so text on it keeps WCAG AA contrast. */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif',
  defaultRadius: 'sm',
});
