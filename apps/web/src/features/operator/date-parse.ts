/** Accepts what people type: 2026-12-09, 9/12/2026 or 9-12-2026 (day first, as in Indonesia); null for no real date. */
export function parseDate(input: string): string | null {
  const text = input.trim();
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? text
    : dayFirst
      ? `${dayFirst[3] ?? ''}-${(dayFirst[2] ?? '').padStart(2, '0')}-${(dayFirst[1] ?? '').padStart(2, '0')}`
      : null;
  if (!iso) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}
