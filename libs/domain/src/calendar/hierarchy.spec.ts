import { decideCalendar, evolveCalendar, initialCalendarBook, zoneOf, type CalendarBook } from './calendar';
import { agenciesUnder, provinceOver } from './hierarchy';

const place = (book: CalendarBook, data: Record<string, unknown>): CalendarBook =>
  evolveCalendar(
    book,
    decideCalendar({ type: 'SetAgencyPlace', data: { legalBasis: 'UU 8/2022', ...data } }, book),
  );

describe('provinces over regencies and cities (ADR 30)', () => {
  const book = initialCalendarBook();

  it('seeds provcontoh in WITA over kabpesisir, and no province over the Central Java agencies', () => {
    expect(zoneOf(book, 'provcontoh')).toBe('WITA');
    expect(zoneOf(book, 'kabpesisir')).toBe('WITA');
    expect(provinceOver(book, 'kabpesisir')).toBe('provcontoh');
    expect(agenciesUnder(book, 'provcontoh')).toEqual(['kabpesisir']);
    expect(provinceOver(book, 'kabcontoh')).toBeUndefined();
    expect(provinceOver(book, 'provcontoh')).toBeUndefined();
    expect(agenciesUnder(book, 'kabpesisir')).toEqual([]);
  });

  it('places a city under a province as an audited change, and detaches it when a later place names no parent', () => {
    const placed = place(book, {
      agency: 'kotabaru',
      province: 'Kalimantan Selatan',
      level: 'city',
      parent: 'provcontoh',
    });
    expect(agenciesUnder(placed, 'provcontoh')).toEqual(['kabpesisir', 'kotabaru']);
    expect(placed.agencies['kotabaru']).toEqual({
      province: 'Kalimantan Selatan',
      level: 'city',
      parent: 'provcontoh',
    });
    const moved = place(placed, { agency: 'kotabaru', province: 'Kalimantan Selatan', level: 'city' });
    expect(agenciesUnder(moved, 'provcontoh')).toEqual(['kabpesisir']);
  });

  it.each([
    [{ agency: 'kotabaru', parent: 'kabcontoh' }, 'parent'],
    [{ agency: 'kotabaru', parent: 'nowhere' }, 'parent'],
    [{ agency: 'provcontoh', level: 'province', parent: 'provcontoh' }, 'parent'],
    [{ agency: 'provlain', level: 'province', parent: 'provcontoh' }, 'parent'],
    [{ agency: 'kotabaru', level: 'village', province: 'Bali' }, 'level'],
  ])('refuses a place %j naming the field %s', (data, field) => {
    expect(() => place(book, data)).toThrow(
      expect.objectContaining({ code: 'CALENDAR.INVALID', details: { field } }),
    );
  });
});
