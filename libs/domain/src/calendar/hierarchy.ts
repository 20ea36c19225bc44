import type { CalendarBook } from './calendar';

/** The provincial agency over `agency` (its BKD follows the agency's rounds), if the book places one. */
export function provinceOver(book: CalendarBook, agency: string): string | undefined {
  const parent = book.agencies[agency]?.parent;
  return parent !== undefined && book.agencies[parent]?.level === 'province' ? parent : undefined;
}

/** The regencies and cities a provincial agency is over, in code order (none for any other agency). */
export function agenciesUnder(book: CalendarBook, province: string): string[] {
  if (book.agencies[province]?.level !== 'province') return [];
  return Object.keys(book.agencies)
    .filter((code) => provinceOver(book, code) === province)
    .sort();
}
