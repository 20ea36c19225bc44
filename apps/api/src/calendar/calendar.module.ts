import { Module } from '@nestjs/common';
import { CalendarBookService } from './calendar-book.service';
import { CalendarController } from './calendar.http.controller';

/** Calendars and time zones as data (ADR 24). */
@Module({
  controllers: [CalendarController],
  providers: [CalendarBookService],
  exports: [CalendarBookService],
})
export class CalendarModule {}
