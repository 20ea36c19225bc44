import { addMonths, addWorkingDays, ageOn, dateOf, daysBetween, isWorkingDay } from './time';
import { DomainError } from './errors';

describe('time helpers', () => {
  it('[R11] computes exact age: 56 years 0 days on the birthday, 56 years 1 day the day after', () => {
    expect(ageOn('1968-09-24', '2024-09-24')).toEqual({ years: 56, days: 0 });
    expect(ageOn('1968-09-23', '2024-09-24')).toEqual({ years: 56, days: 1 });
    expect(ageOn('1968-09-25', '2024-09-24')).toEqual({ years: 55, days: 365 });
  });

  it('treats 29 February birthdays as 28 February in common years', () => {
    expect(ageOn('1964-02-29', '2021-02-28')).toEqual({ years: 57, days: 0 });
  });

  it('counts working days skipping weekends and listed holidays', () => {
    const holidays = new Set(['2024-09-16']);
    expect(isWorkingDay('2024-09-14', holidays)).toBe(false);
    expect(addWorkingDays('2024-09-13', 1, holidays)).toBe('2024-09-17');
    expect(addWorkingDays('2024-09-24', 7, new Set())).toBe('2024-10-03');
  });

  it('clamps month arithmetic and reads the local date of an instant', () => {
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(dateOf('2024-09-24T23:30:00+07:00')).toBe('2024-09-24');
    expect(daysBetween('2024-09-09', '2024-09-24')).toBe(15);
  });

  it('refuses malformed dates with TIME.INVALID', () => {
    expect(() => dateOf('yesterday')).toThrow(DomainError);
    expect(() => daysBetween('2024-02-30', '2024-03-01')).toThrow(
      expect.objectContaining({ code: 'TIME.INVALID' }),
    );
  });
});
