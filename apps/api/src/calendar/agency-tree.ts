import { Injectable } from '@nestjs/common';
import { agenciesUnder, provinceOver, type AgencyLevel, type CalendarBook } from '@selter/domain';
import { CalendarBookService } from './calendar-book.service';

const TTL_MS = 5_000;

/**
 * The hierarchy of agencies (a province over its regencies and cities, ADR 30), read from the
 * calendar book where every agency's place is kept (ADR 24) and kept a few seconds, as the round
 * facts are: an admin's change of place reaches authorisation within that window.
 */
@Injectable()
export class AgencyTree {
  private cached: { book: Promise<CalendarBook>; at: number } | undefined;

  constructor(private readonly calendar: CalendarBookService) {}

  /** The provincial agency over `agency`, if any. */
  async provinceOver(agency: string): Promise<string | undefined> {
    return provinceOver(await this.book(), agency);
  }

  /** The regencies and cities under a provincial agency (empty for any other). */
  async under(province: string): Promise<string[]> {
    return agenciesUnder(await this.book(), province);
  }

  /** The agency's recorded level (province, regency, city), if its place names one. */
  async levelOf(agency: string): Promise<AgencyLevel | undefined> {
    return (await this.book()).agencies[agency]?.level;
  }

  private book(): Promise<CalendarBook> {
    if (!this.cached || Date.now() - this.cached.at >= TTL_MS) {
      const book = this.calendar.read();
      book.catch(() => (this.cached = undefined));
      this.cached = { book, at: Date.now() };
    }
    return this.cached.book;
  }
}
