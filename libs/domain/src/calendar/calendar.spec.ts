import fc from 'fast-check';
import {
  decideCalendar,
  evolveCalendar,
  holidaysOfCalendar,
  initialCalendarBook,
  roundCalendarOf,
  zoneOf,
  type CalendarBook,
} from './calendar';
import { DomainError } from '../shared/errors';
import {
  addCalendarDays,
  addWorkingDays,
  dateIn,
  dayNumber,
  daysBetween,
  endOfDate,
  isWorkingDay,
} from '../shared/time';

const book = initialCalendarBook();
const national = holidaysOfCalendar(roundCalendarOf(book, 'kabcontoh'));
const weekday = (date: string): number => (((dayNumber(date) + 4) % 7) + 7) % 7;

/** A date from 2019-01-01 to 2027-12-20, so a count of up to 10 working days stays inside the calendars. */
const dateInCalendars = fc
  .integer({ min: dayNumber('2019-01-01'), max: dayNumber('2027-12-10') })
  .map((n) => addCalendarDays('1970-01-01', n));

describe('calendars as data', () => {
  it('has a national calendar from its decree for every year 2019-2027, the SKB of 2026 included', () => {
    expect(Object.keys(book.years)).toEqual([
      '2019',
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
      '2026',
      '2027',
    ]);
    for (const year of Object.values(book.years)) {
      expect(year.decree.length).toBeGreaterThan(10);
      expect(year.days.every((d) => d.date.startsWith(String(year.year)))).toBe(true);
      expect(year.days.some((d) => d.date === `${year.year}-08-17`)).toBe(true);
    }
    expect(book.years['2026']?.decree).toContain('1497');
    const march2026 = book.years['2026']?.days.filter(
      (d) => d.date.startsWith('2026-03-1') || d.date.startsWith('2026-03-2'),
    );
    expect(march2026?.map((d) => [d.date, d.kind])).toEqual([
      ['2026-03-18', 'cuti-bersama'],
      ['2026-03-19', 'holiday'],
      ['2026-03-20', 'cuti-bersama'],
      ['2026-03-21', 'holiday'],
      ['2026-03-22', 'holiday'],
      ['2026-03-23', 'cuti-bersama'],
      ['2026-03-24', 'cuti-bersama'],
    ]);
    expect(book.years['2026']?.days.find((d) => d.date === '2026-12-24')?.kind).toBe('cuti-bersama');
  });

  it('[R19] counts the 2026 examples with the SKB 1497/2/5 of 2025: Nyepi, Idul Fitri and Christmas', () => {
    expect(addWorkingDays('2026-03-16', 7, national)).toBe('2026-04-01');
    expect(addWorkingDays('2026-12-21', 7, national)).toBe('2027-01-04');
  });

  it('[R19] refuses to count into a year with no calendar with CALENDAR.YEAR_MISSING naming the year', () => {
    expect(() => addWorkingDays('2027-12-27', 7, national)).toThrow(
      expect.objectContaining({ code: 'CALENDAR.YEAR_MISSING', details: { year: 2028 } }),
    );
    expect(() => isWorkingDay('2028-01-03', national)).toThrow(DomainError);
    // A count that ends before the missing year needs no calendar for it.
    expect(addWorkingDays('2027-12-20', 3, national)).toBe('2027-12-23');
  });

  it('[R19] working-day counts across 2019-2027: after the start, on a working day, monotone, never fewer calendar days', () => {
    fc.assert(
      fc.property(dateInCalendars, fc.integer({ min: 1, max: 10 }), (start, days) => {
        const end = addWorkingDays(start, days, national);
        expect(isWorkingDay(end, national)).toBe(true);
        expect(daysBetween(start, end)).toBeGreaterThanOrEqual(days);
        expect(weekday(end)).not.toBe(0);
        expect(weekday(end)).not.toBe(6);
        expect(national.has(end)).toBe(false);
        // Counting one more day lands strictly later; counting in two steps equals counting at once.
        expect(daysBetween(end, addWorkingDays(start, days + 1, national))).toBeGreaterThan(0);
        expect(addWorkingDays(addWorkingDays(start, 1, national), days - 1, national)).toBe(end);
      }),
      { numRuns: 500 },
    );
  });

  it('[R19] a regional holiday added by the admin moves a later count, and only for its own agency', () => {
    const added = evolveCalendar(
      book,
      decideCalendar(
        {
          type: 'AddDayOff',
          data: {
            agency: 'kabcontoh',
            date: '2026-03-25',
            name: 'Hari Jadi Kabupaten',
            legalBasis: 'Perda 1/2020',
          },
        },
        book,
      ),
    );
    expect(added.version).toBe(1);
    expect(addWorkingDays('2026-03-16', 7, holidaysOfCalendar(roundCalendarOf(added, 'kabcontoh')))).toBe(
      '2026-04-02',
    );
    expect(addWorkingDays('2026-03-16', 7, holidaysOfCalendar(roundCalendarOf(added, 'kotalain')))).toBe(
      '2026-04-01',
    );
  });

  it('publishes a missing year from its decree, after which the count goes on', () => {
    const y2028: CalendarBook = evolveCalendar(
      book,
      decideCalendar(
        {
          type: 'PublishCalendarYear',
          data: {
            year: 2028,
            decree: 'SKB 2028',
            legalBasis: 'SKB 2028',
            days: [{ date: '2028-01-01', name: 'Tahun Baru', kind: 'holiday' }],
          },
        },
        book,
      ),
    );
    expect(addWorkingDays('2027-12-27', 7, holidaysOfCalendar(roundCalendarOf(y2028, 'kabcontoh')))).toBe(
      '2028-01-05',
    );
  });

  it('refuses calendar changes without a legal basis, with a bad date, or a national day in an unpublished year', () => {
    const refusal = (data: Record<string, unknown>) => {
      try {
        decideCalendar({ type: 'AddDayOff', data }, book);
      } catch (error) {
        return (error as DomainError).toJSON();
      }
      return undefined;
    };
    expect(refusal({ date: '2026-03-25', name: 'x' })).toMatchObject({
      code: 'CALENDAR.LEGAL_BASIS_REQUIRED',
      details: { field: 'legalBasis' },
    });
    expect(refusal({ date: '2026-02-30', name: 'x', legalBasis: 'Perda 1' })).toMatchObject({
      code: 'CALENDAR.INVALID',
      details: { field: 'date' },
    });
    expect(refusal({ date: '2028-03-01', name: 'x', legalBasis: 'Perda 1' })).toMatchObject({
      code: 'CALENDAR.YEAR_MISSING',
      details: { year: 2028 },
    });
  });

  it('gives each agency the zone of its province unless set, and ends a deadline day at midnight there', () => {
    expect(zoneOf(book, 'kabcontoh')).toBe('WIB');
    const placed = evolveCalendar(
      book,
      decideCalendar(
        {
          type: 'SetAgencyPlace',
          data: { agency: 'kabbanjar', province: 'Kalimantan Selatan', legalBasis: 'UU 8/2022' },
        },
        book,
      ),
    );
    expect(zoneOf(placed, 'kabbanjar')).toBe('WITA');
    const overridden = evolveCalendar(
      placed,
      decideCalendar(
        {
          type: 'SetAgencyPlace',
          data: { agency: 'kabbanjar', province: 'Kalimantan Selatan', zone: 'WIT', legalBasis: 'test' },
        },
        placed,
      ),
    );
    expect(roundCalendarOf(overridden, 'kabbanjar')).toMatchObject({ zone: 'WIT', offset: '+09:00' });
    expect(endOfDate('2026-08-14', '+08:00')).toBe('2026-08-15T00:00:00.000+08:00');
    expect(dateIn('2026-08-14T23:30:00+07:00', '+08:00')).toBe('2026-08-15');
    expect(() =>
      decideCalendar(
        { type: 'SetAgencyPlace', data: { agency: 'x1', zone: 'CET', legalBasis: 'test' } },
        book,
      ),
    ).toThrow(expect.objectContaining({ code: 'CALENDAR.ZONE_UNKNOWN' }));
  });
});
