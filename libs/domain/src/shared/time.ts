import { fail } from './errors';

/** A calendar date `YYYY-MM-DD` (no time zone: a date as printed on a letter or a decree). */
export type IsoDate = string;
/** An ISO-8601 instant with offset, e.g. `2024-08-01T09:00:00+07:00`. */
export type IsoInstant = string;

export type DayCounting = 'calendar' | 'working';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

// Civil-date arithmetic on day numbers (days since 1970-01-01): pure integer maths, no Date object.
function toDayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  return toDayNumber(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - toDayNumber(y, m, 1);
}

function parts(date: IsoDate): [number, number, number] {
  const match = DATE.exec(date);
  const [y, m, d] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])];
  if (!match || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    fail('TIME.INVALID', `Tanggal tidak valid: ${date}`, `Invalid date: ${date}`, { date });
  }
  return [y, m, d];
}

/** Day number of a date (days since 1970-01-01); throws TIME.INVALID for a malformed date. */
export function dayNumber(date: IsoDate): number {
  return toDayNumber(...parts(date));
}

/** The calendar date of an instant, in the offset it was written with (the caller's local date). */
export function dateOf(instant: IsoInstant): IsoDate {
  const match = INSTANT.exec(instant);
  if (!match?.[1])
    fail('TIME.INVALID', `Waktu tidak valid: ${instant}`, `Invalid instant: ${instant}`, { instant });
  parts(match[1]);
  return match[1];
}

export function isIsoDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return dayNumber(a) - dayNumber(b);
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Adds months, clamping to the month's last day (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return fromDayNumber(toDayNumber(ny, nm, Math.min(d, daysInMonth(ny, nm))));
}

/** Adds years; a 29 February anniversary falls on 28 February in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/**
 * The days off a count skips: national holidays, collective leave and regional holidays. A set built
 * from a calendar also says which years it covers (`years`): a count that steps into another year
 * refuses with CALENDAR.YEAR_MISSING instead of guessing. A bare set (old rounds) covers every year.
 */
export type Holidays = ReadonlySet<IsoDate> & { readonly years?: ReadonlySet<number> };

/** A holiday set that covers exactly `years` (see Holidays). */
export function holidaysCovering(dates: Iterable<IsoDate>, years: Iterable<number>): Holidays {
  return Object.assign(new Set(dates), { years: new Set(years) as ReadonlySet<number> });
}

function requireCovered(date: IsoDate, holidays: Holidays): void {
  const year = Number(date.slice(0, 4));
  if (holidays.years && !holidays.years.has(year)) {
    fail(
      'CALENDAR.YEAR_MISSING',
      `Kalender hari libur tahun ${year} belum tersedia; hari kerja tidak dapat dihitung`,
      `No holiday calendar for ${year}: working days cannot be counted`,
      { year },
    );
  }
}

/** Monday-Friday and not a listed national holiday or collective leave day. */
export function isWorkingDay(date: IsoDate, holidays: Holidays): boolean {
  const weekday = (((dayNumber(date) + 4) % 7) + 7) % 7; // 0 = Sunday; 1970-01-01 was a Thursday
  if (weekday === 0 || weekday === 6) return false;
  requireCovered(date, holidays);
  return !holidays.has(date);
}

/** Adds `days` working days: the result is the `days`-th working day after `date`. */
export function addWorkingDays(date: IsoDate, days: number, holidays: Holidays): IsoDate {
  let current = dayNumber(date);
  for (let counted = 0; counted < days;) {
    current += 1;
    if (isWorkingDay(fromDayNumber(current), holidays)) counted += 1;
  }
  return fromDayNumber(current);
}

/** Adds days counted as the policy says (calendar or working days with its holiday list). */
export function addDays(date: IsoDate, days: number, counting: DayCounting, holidays: Holidays): IsoDate {
  return counting === 'calendar' ? addCalendarDays(date, days) : addWorkingDays(date, days, holidays);
}

export interface Age {
  readonly years: number;
  readonly days: number;
}

/** Exact age on a date: full years plus days since the last birthday (56 years 0 days is "56"). */
export function ageOn(birthDate: IsoDate, on: IsoDate): Age {
  let years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (compareDates(addYears(birthDate, years), on) > 0) years -= 1;
  return { years, days: daysBetween(addYears(birthDate, years), on) };
}

/** True when at least `years` full years separate `from` and `to`. */
export function hasCompletedYears(from: IsoDate, to: IsoDate, years: number): boolean {
  return compareDates(addYears(from, years), to) <= 0;
}

/** Whole years between two dates (tenure, service). */
export function fullYearsBetween(from: IsoDate, to: IsoDate): number {
  return ageOn(from, to).years;
}

/** The offset rounds keep their clock in: WIB (UTC+7), where the law's dates are read. */
export const ROUND_OFFSET = '+07:00';
export const DAY_MS = 86_400_000;

/** Milliseconds since the epoch of an instant, by integer maths (no Date object). */
export function instantMillis(instant: IsoInstant): number {
  const match =
    /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|([+-])(\d{2}):(\d{2}))$/.exec(instant);
  if (!match?.[1])
    fail('TIME.INVALID', `Waktu tidak valid: ${instant}`, `Invalid instant: ${instant}`, { instant });
  const [, date, hh, mm, ss, frac, , sign, oh, om] = match;
  const fraction = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  const local =
    dayNumber(date) * DAY_MS +
    Number(hh) * 3_600_000 +
    Number(mm) * 60_000 +
    Number(ss ?? 0) * 1000 +
    fraction;
  const offset = sign ? (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000 : 0;
  return local - offset;
}

/** The instant `ms` written in `offset` (default WIB), e.g. `2024-08-01T09:00:00.000+07:00`. */
export function instantAt(ms: number, offset: string = ROUND_OFFSET): IsoInstant {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  const shift = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000 : 0;
  const local = ms + shift;
  const day = Math.floor(local / DAY_MS);
  let rest = local - day * DAY_MS;
  const hh = Math.floor(rest / 3_600_000);
  rest -= hh * 3_600_000;
  const mm = Math.floor(rest / 60_000);
  rest -= mm * 60_000;
  const ss = Math.floor(rest / 1000);
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${fromDayNumber(day)}T${pad(hh)}:${pad(mm)}:${pad(ss)}.${pad(rest - ss * 1000, 3)}${match ? offset : 'Z'}`;
}

/**
 * The first instant after a date has ended in a zone's offset (WIB unless given): a deadline on
 * `date` is open until 23:59:59 local time and has passed from then on.
 */
export function endOfDate(date: IsoDate, offset: string = ROUND_OFFSET): IsoInstant {
  return `${addCalendarDays(date, 1)}T00:00:00.000${offset}`;
}

/** The local date of an instant in an offset, e.g. 2026-03-01T23:30+07:00 is 2 March in WITA (+08:00). */
export function dateIn(instant: IsoInstant, offset: string): IsoDate {
  return dateOf(instantAt(instantMillis(instant), offset));
}

/** An instant `days` calendar days (of 24 h) after another, written in WIB. */
export function daysAfter(instant: IsoInstant, days: number): IsoInstant {
  return instantAt(instantMillis(instant) + days * DAY_MS);
}
