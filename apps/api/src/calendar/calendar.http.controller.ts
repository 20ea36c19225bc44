import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  agenciesUnder,
  holidaysOfCalendar,
  roundCalendarOf,
  time,
  ZONE_OFFSETS,
  type CalendarBook,
  type CalendarCommand,
} from '@selter/domain';
import { z } from 'zod';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { AGENCY, type Principal } from '../auth/principal';
import { forbidden } from '../problem/problems';
import { ApiJsonResponse, responseSchema } from '../validation/response-schema';
import { openApiSchema, ZodPipe } from '../validation/zod.pipe';
import { asProblem, CalendarBookService } from './calendar-book.service';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const legalBasis = z
  .string()
  .min(3)
  .max(500)
  .describe('The decree or regulation the change rests on (e.g. SKB 1497/2/5 of 2025, a Perda)');
const agencyCode = z.string().regex(AGENCY, 'an agency code');

const dayOff = z.object({
  date: z.string(),
  name: z.string(),
  kind: z.enum(['holiday', 'cuti-bersama', 'regional']),
  legalBasis: z.string().optional(),
});
const calendarYearView = z.object({
  year: z.number().int(),
  decree: z.string(),
  status: z.enum(['decreed', 'provisional']),
  days: z.array(dayOff),
});
const calendarView = responseSchema(
  'CalendarView',
  z.object({
    version: z.number().int().describe('Changes recorded on the calendar stream over the initial data'),
    years: z.array(calendarYearView),
    zones: z.record(z.string(), z.string()).describe('Offset of each zone'),
  }),
);
const agencyCalendarView = responseSchema(
  'AgencyCalendarView',
  z.object({
    agency: z.string(),
    version: z.number().int(),
    province: z.string().nullable(),
    level: z
      .enum(['province', 'regency', 'city'])
      .nullable()
      .describe('Its level among regional governments'),
    parent: z.string().nullable().describe('The provincial agency over a regency or city (reads its rounds)'),
    under: z.array(z.string()).describe("A province's regencies and cities"),
    zone: z.enum(['WIB', 'WITA', 'WIT']),
    offset: z.string(),
    years: z.array(z.number().int()).describe('Years a working-day count may reach'),
    regional: z.array(dayOff),
  }),
);
const workingDaysView = responseSchema(
  'WorkingDaysView',
  z.object({
    agency: z.string(),
    version: z.number().int(),
    from: z.string(),
    days: z.number().int(),
    date: z.string(),
    zone: z.string(),
  }),
);
const calendarChanged = responseSchema('CalendarChanged', z.object({ version: z.number().int() }));

const publishYear = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  decree: z.string().min(3).max(500),
  status: z.enum(['decreed', 'provisional']).default('decreed'),
  days: z
    .array(
      z.strictObject({
        date: isoDate,
        name: z.string().min(1).max(200),
        kind: z.enum(['holiday', 'cuti-bersama']),
      }),
    )
    .min(1)
    .max(100),
  legalBasis,
});
const addDayOff = z.strictObject({
  date: isoDate,
  name: z.string().min(1).max(200),
  kind: z.enum(['holiday', 'cuti-bersama', 'regional']).optional(),
  agency: agencyCode
    .optional()
    .describe('For a regional holiday: the agency it applies to; national otherwise'),
  legalBasis,
});
const removeDayOff = z.strictObject({ date: isoDate, agency: agencyCode.optional(), legalBasis });
const setPlace = z
  .strictObject({
    province: z.string().min(2).max(100).optional(),
    zone: z.enum(['WIB', 'WITA', 'WIT']).optional(),
    level: z.enum(['province', 'regency', 'city']).optional(),
    parent: agencyCode
      .optional()
      .describe(
        'The provincial agency over this regency or city; omitted, the agency is under none (ADR 30)',
      ),
    legalBasis,
  })
  .refine((b) => b.province !== undefined || b.zone !== undefined || b.level !== undefined, {
    message: 'name the province, the zone or the level',
  });
const countQuery = z.strictObject({
  agency: agencyCode,
  from: isoDate,
  days: z.coerce.number().int().min(0).max(366),
});

type CalendarView = z.infer<typeof calendarView>;
type AgencyCalendarView = z.infer<typeof agencyCalendarView>;
type WorkingDaysView = z.infer<typeof workingDaysView>;

function requireAdmin(principal: Principal): void {
  if (principal.role !== 'admin') throw forbidden('only an admin changes the calendar');
}

function agencyView(book: CalendarBook, agency: string): AgencyCalendarView {
  const calendar = roundCalendarOf(book, agency);
  return {
    agency,
    version: calendar.version,
    province: book.agencies[agency]?.province ?? null,
    level: book.agencies[agency]?.level ?? null,
    parent: book.agencies[agency]?.parent ?? null,
    under: agenciesUnder(book, agency),
    zone: calendar.zone,
    offset: calendar.offset,
    years: [...calendar.years],
    regional: [...(book.regional[agency] ?? [])],
  };
}

/**
 * National holidays and cuti bersama per year (each from its SKB), regional holidays and the zone of
 * each agency (ADR 24, docs/calendars.md). Everyone signed in reads them; only an admin changes them,
 * each change an event on the calendar stream naming its legal basis. A round counts with the
 * calendar as it is when it counts, and pins what it used.
 */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarBookService) {}

  @Get()
  @ApiOperation({
    summary: 'The national calendars by year, each with its decree',
    operationId: 'getCalendar',
  })
  @ApiJsonResponse(calendarView)
  async get(): Promise<CalendarView> {
    const book = await this.calendar.read();
    return {
      version: book.version,
      years: Object.values(book.years).map((y) => ({ ...y, days: [...y.days] })),
      zones: { ...ZONE_OFFSETS },
    };
  }

  @Get('working-days')
  @ApiOperation({
    summary:
      "Counts working days from a date with an agency's calendar (409 CALENDAR.YEAR_MISSING past the known years)",
    operationId: 'countWorkingDays',
  })
  @ApiJsonResponse(workingDaysView)
  async count(
    @Query(new ZodPipe(countQuery, 'query')) query: z.infer<typeof countQuery>,
  ): Promise<WorkingDaysView> {
    const calendar = roundCalendarOf(await this.calendar.read(), query.agency);
    try {
      const date = time.addWorkingDays(query.from, query.days, holidaysOfCalendar(calendar));
      return {
        agency: query.agency,
        version: calendar.version,
        from: query.from,
        days: query.days,
        date,
        zone: calendar.zone,
      };
    } catch (error) {
      return asProblem(error);
    }
  }

  @Get('agencies/:agency')
  @ApiOperation({
    summary: "An agency's zone, regional holidays and place among provinces, regencies and cities",
    operationId: 'getAgencyCalendar',
  })
  @ApiJsonResponse(agencyCalendarView)
  async agency(
    @Param('agency', new ZodPipe(agencyCode, 'agency')) agency: string,
  ): Promise<AgencyCalendarView> {
    return agencyView(await this.calendar.read(), agency);
  }

  @Post('years')
  @HttpCode(201)
  @ApiOperation({
    summary: "Publishes or replaces a year's national calendar from its SKB (admin)",
    operationId: 'publishCalendarYear',
  })
  @ApiBody({ schema: openApiSchema(publishYear) })
  @ApiJsonResponse(calendarChanged, 201)
  publishYear(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodPipe(publishYear, 'calendar year')) body: z.infer<typeof publishYear>,
  ): Promise<{ version: number }> {
    return this.change(principal, { type: 'PublishCalendarYear', data: body });
  }

  @Post('days-off')
  @HttpCode(201)
  @ApiOperation({
    summary: "Adds or corrects a national day off, or an agency's regional holiday (admin)",
    operationId: 'addDayOff',
  })
  @ApiBody({ schema: openApiSchema(addDayOff) })
  @ApiJsonResponse(calendarChanged, 201)
  addDayOff(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodPipe(addDayOff, 'day off')) body: z.infer<typeof addDayOff>,
  ): Promise<{ version: number }> {
    return this.change(principal, { type: 'AddDayOff', data: body });
  }

  @Post('days-off/removals')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Removes a day off (a decree revoked or moved it) (admin)',
    operationId: 'removeDayOff',
  })
  @ApiBody({ schema: openApiSchema(removeDayOff) })
  @ApiJsonResponse(calendarChanged, 201)
  removeDayOff(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodPipe(removeDayOff, 'removal')) body: z.infer<typeof removeDayOff>,
  ): Promise<{ version: number }> {
    return this.change(principal, { type: 'RemoveDayOff', data: body });
  }

  @Put('agencies/:agency/place')
  @ApiOperation({
    summary:
      "Sets an agency's place (replacing the last): its province (which gives its zone), a zone over it, its level and the province over it (admin)",
    operationId: 'setAgencyPlace',
  })
  @ApiBody({ schema: openApiSchema(setPlace) })
  @ApiJsonResponse(calendarChanged)
  setPlace(
    @CurrentPrincipal() principal: Principal,
    @Param('agency', new ZodPipe(agencyCode, 'agency')) agency: string,
    @Body(new ZodPipe(setPlace, 'agency place')) body: z.infer<typeof setPlace>,
  ): Promise<{ version: number }> {
    return this.change(principal, { type: 'SetAgencyPlace', data: { ...body, agency } });
  }

  private async change(principal: Principal, command: CalendarCommand): Promise<{ version: number }> {
    requireAdmin(principal);
    const { version } = await this.calendar.change(principal, command);
    return { version };
  }
}
