import { Alert, createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * Mantine's defaults with a darker primary shade, so text on it keeps WCAG AA contrast; alert
 * titles in the body's text colour (Mantine writes them in the alert's colour, which for green,
 * teal and yellow falls below AA on their own light background).
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif',
  defaultRadius: 'sm',
  components: { Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-text)' } } }) },
});

/**
 * Dimmed text (input descriptions, hints) one shade darker than Mantine's gray.6, whose 3.3:1 on
 * white fails WCAG AA (axe: color-contrast, serious); gray.7 keeps it muted at about 7:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
