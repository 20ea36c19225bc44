import { Module } from '@nestjs/common';
import { AgencyTree } from './agency-tree';
import { CalendarBookService } from './calendar-book.service';
import { CalendarController } from './calendar.http.controller';

/** Calendars, time zones and the agencies' places (province over regencies and cities) as data (ADR 24, 30). */
@Module({
  controllers: [CalendarController],
  providers: [CalendarBookService, AgencyTree],
  exports: [CalendarBookService, AgencyTree],
})
export class CalendarModule {}
