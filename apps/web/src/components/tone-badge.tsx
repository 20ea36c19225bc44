import { Badge, type BadgeProps } from '@mantine/core';

// Long statuses ("Pejabat dipilih PPK") wrap in narrow table columns instead of being cut off.
const WRAP = { label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' } } as const;

/**
 * A light badge whose words keep WCAG AA contrast: Mantine's light variant writes in a mid shade of
 * the colour (about 3:1 on its own tint for green, teal, orange; even the darkest shade of teal stays
 * under 4.5:1), so the tint carries the colour and the words are dark.
 */
export function ToneBadge({
  color,
  children,
  ...rest
}: { color: string; children: React.ReactNode } & Omit<BadgeProps, 'color' | 'variant' | 'c'> & {
    'data-status'?: string;
  }): React.JSX.Element {
  return (
    <Badge color={color} variant="light" c="dark.6" h="auto" styles={WRAP} {...rest}>
      {children}
    </Badge>
  );
}
