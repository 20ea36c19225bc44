// Dates, numbers and durations through Intl in the language's locale (id-ID by default). Times are
// shown in WIB, the zone the rounds' deadlines close in (ADR 13).
const ZONE = 'Asia/Jakarta';

/** A number of days, e.g. "3 hari" / "3 days"; fractions to one decimal. */
export function formatDays(days: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'day',
    unitDisplay: 'long',
    maximumFractionDigits: 1,
  }).format(days);
}

/** An instant as date and time in WIB, e.g. "5 Mar 2024, 09.30". */
export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: ZONE }).format(
    new Date(iso),
  );
}

export type WaitStatus = 'overdue' | 'onTime' | 'noServiceLevel';

/** Where a wait stands against its service level (the API decides `overdue`; this only classifies). */
export function waitStatus(item: { overdue: boolean; serviceLevelDays: number | null }): WaitStatus {
  if (item.overdue) return 'overdue';
  return item.serviceLevelDays === null ? 'noServiceLevel' : 'onTime';
}

/** Waited against the service level, e.g. "4 hari / 3 hari". */
export function formatWait(
  waitedDays: number | null,
  serviceLevelDays: number | null,
  locale: string,
): string | null {
  if (waitedDays === null) return null;
  const waited = formatDays(waitedDays, locale);
  return serviceLevelDays === null ? waited : `${waited} / ${formatDays(serviceLevelDays, locale)}`;
}
