import {
  CALENDAR_EVENT_TYPES,
  CALENDAR_STREAM,
  evolveCalendar,
  initialCalendarBook,
  type CalendarBook,
  type CalendarEvent,
} from '@selter/domain';
import { readStream } from '@selter/event-store';
import type { Sql } from 'postgres';

const KNOWN = new Set<string>(CALENDAR_EVENT_TYPES);

/**
 * The calendar's read model (ADR 24): the compiled initial data folded with every change recorded
 * on the calendar stream. The stream is small (a handful of changes a year), so it is folded on
 * read; the book's `version` is the stream version it was read at, which a round pins.
 */
export async function readCalendarBook(sql: Sql): Promise<CalendarBook> {
  const stored = await readStream(sql, CALENDAR_STREAM);
  let book = initialCalendarBook();
  for (const event of stored) {
    book = KNOWN.has(event.type)
      ? evolveCalendar(book, { type: event.type, data: event.data } as CalendarEvent)
      : { ...book, version: book.version + 1 };
  }
  return book;
}
