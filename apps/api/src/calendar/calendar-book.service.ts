import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { readCalendarBook } from '@selter/projections';
import {
  CALENDAR_STREAM,
  decideCalendar,
  DomainError,
  type CalendarBook,
  type CalendarCommand,
} from '@selter/domain';
import { appendToStream, ConcurrencyError } from '@selter/event-store';
import type { Sql } from 'postgres';
import type { Principal } from '../auth/principal';
import { nowInstant, type Clock } from '../clock/clock';
import { CLOCK, SQL } from '../infrastructure/tokens';
import { ProblemException } from '../problem/problem-details.filter';
import { refused } from '../problem/problems';

/** A domain refusal as its problem (422/409/404 by the code's kind); anything else propagates. */
export function asProblem(error: unknown): never {
  if (error instanceof DomainError) throw refused(error.toJSON());
  throw error;
}

/**
 * The calendar (ADR 24): read as the calendar stream folded over the compiled initial data, and
 * changed only by appending a checked event (who: the event's actor; when: its record time; the
 * legal basis: in its data) at the version the change was decided on.
 */
@Injectable()
export class CalendarBookService {
  constructor(
    @Inject(SQL) private readonly sql: Sql,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  read(): Promise<CalendarBook> {
    return readCalendarBook(this.sql);
  }

  /** Decides an admin's change on the current book and appends it; 409 CALENDAR.CHANGED when another landed first. */
  async change(
    principal: Principal,
    command: CalendarCommand,
  ): Promise<{ version: number; book: CalendarBook }> {
    const book = await this.read();
    let event;
    try {
      event = decideCalendar(command, book);
    } catch (error) {
      asProblem(error);
    }
    try {
      await appendToStream(this.sql, CALENDAR_STREAM, book.version === 0 ? 'no_stream' : book.version, [
        {
          eventId: randomUUID(),
          type: event.type,
          data: event.data,
          metadata: { actor: { id: principal.id, role: principal.role }, legalBasis: event.data.legalBasis },
          recordedAt: nowInstant(this.clock),
        },
      ]);
    } catch (error) {
      if (error instanceof ConcurrencyError) {
        throw new ProblemException({
          status: 409,
          code: 'CALENDAR.CHANGED',
          detail: 'The calendar changed meanwhile; read it again and retry.',
        });
      }
      throw error;
    }
    const after = await this.read();
    return { version: after.version, book: after };
  }
}
