/** Every leaf of a nested translation file as `dotted.key` to its text (non-strings kept as found). */
export function flattenKeys(tree: unknown, prefix = ''): Map<string, unknown> {
  const keys = new Map<string, unknown>();
  if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) return keys.set(prefix, tree);
  for (const [key, value] of Object.entries(tree)) {
    for (const [leaf, text] of flattenKeys(value, prefix ? `${prefix}.${key}` : key)) keys.set(leaf, text);
  }
  return keys;
}

/** The `{{placeholders}}` a text interpolates, sorted. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}
