import NATIONAL from './data/national-holidays.json';
import ZONES from './data/zones.json';
import type { AgencyLevel } from '../round/plan-types';
import { fail } from '../shared/errors';
import { holidaysCovering, isIsoDate, type Holidays, type IsoDate } from '../shared/time';

/** Indonesia's three time zones (Keppres 41/1987). */
export type Zone = 'WIB' | 'WITA' | 'WIT';
export const ZONE_OFFSETS: Readonly<Record<Zone, string>> = ZONES.zones as Record<Zone, string>;
export const isZone = (value: unknown): value is Zone => typeof value === 'string' && value in ZONE_OFFSETS;

/** A day off: a national holiday or collective leave from the year's SKB, or an agency's regional holiday. */
export type DayOffKind = 'holiday' | 'cuti-bersama' | 'regional';
export interface DayOff {
  readonly date: IsoDate;
  readonly name: string;
  readonly kind: DayOffKind;
  /** The decree a day added or corrected later rests on (the year's decree otherwise). */
  readonly legalBasis?: string;
}

/** One year's national calendar, from its joint decree (SKB); `provisional` until the SKB is in hand. */
export interface CalendarYear {
  readonly year: number;
  readonly decree: string;
  readonly status: 'decreed' | 'provisional';
  readonly days: readonly DayOff[];
}

/** Where an agency sits among regional governments: a province over its regencies (kabupaten) and cities (kota). */
export const AGENCY_LEVELS: readonly AgencyLevel[] = ['province', 'regency', 'city'];
export const isAgencyLevel = (value: unknown): value is AgencyLevel =>
  typeof value === 'string' && (AGENCY_LEVELS as readonly string[]).includes(value);

/**
 * An agency's place: its province (which gives the zone), a zone set over it, its level, and the
 * provincial government's agency over it (`parent`, for a regency or city), if any (ADR 30).
 */
export interface AgencyPlace {
  readonly province?: string;
  readonly zone?: Zone;
  readonly level?: AgencyLevel;
  readonly parent?: string;
}

/**
 * Every calendar the service knows: the national years, each agency's regional holidays and places.
 * `version` counts the changes recorded on the calendar stream over the compiled initial data (0).
 */
export interface CalendarBook {
  readonly version: number;
  readonly years: Readonly<Record<string, CalendarYear>>;
  readonly regional: Readonly<Record<string, readonly DayOff[]>>;
  readonly agencies: Readonly<Record<string, AgencyPlace>>;
}

/**
 * What a round counts with, pinned for its whole life (in its workflow's history): the book version
 * it was read at, the agency's zone, the years covered and every day off (national and regional).
 */
export interface RoundCalendar {
  readonly agency: string;
  readonly version: number;
  readonly zone: Zone;
  readonly offset: string;
  readonly years: readonly number[];
  readonly daysOff: readonly IsoDate[];
}

/** The calendar stream's events: who and when are the event store's metadata, the legal basis is here. */
export type CalendarEvent =
  | {
      readonly type: 'CalendarYearPublished';
      readonly data: CalendarYear & { readonly legalBasis: string };
    }
  | {
      readonly type: 'DayOffAdded';
      readonly data: DayOff & { readonly agency?: string; readonly legalBasis: string };
    }
  | {
      readonly type: 'DayOffRemoved';
      readonly data: { readonly date: IsoDate; readonly agency?: string; readonly legalBasis: string };
    }
  | {
      readonly type: 'AgencyPlaceSet';
      readonly data: AgencyPlace & { readonly agency: string; readonly legalBasis: string };
    };
export type CalendarEventType = CalendarEvent['type'];
export const CALENDAR_EVENT_TYPES: readonly CalendarEventType[] = [
  'CalendarYearPublished',
  'DayOffAdded',
  'DayOffRemoved',
  'AgencyPlaceSet',
];
/** The event-store stream that holds every calendar change. */
export const CALENDAR_STREAM = 'calendar';

/** The compiled initial data (docs/calendars.md): version 0 of the book. */
export function initialCalendarBook(): CalendarBook {
  const years: Record<string, CalendarYear> = {};
  for (const y of NATIONAL.years) {
    years[String(y.year)] = {
      year: y.year,
      decree: y.decree,
      status: y.status === 'provisional' ? 'provisional' : 'decreed',
      days: y.days.map((d) => ({ date: d.date, name: d.name, kind: d.kind as DayOffKind })),
    };
  }
  const agencies: Record<string, AgencyPlace> = {};
  for (const [code, place] of Object.entries(ZONES.agencies as Record<string, Record<string, string>>)) {
    agencies[code] = {
      ...(place['province'] ? { province: place['province'] } : {}),
      ...(isZone(place['zone']) ? { zone: place['zone'] } : {}),
      ...(isAgencyLevel(place['level']) ? { level: place['level'] } : {}),
      ...(place['parent'] ? { parent: place['parent'] } : {}),
    };
  }
  return { version: 0, years, regional: {}, agencies };
}

const byDate = (a: DayOff, b: DayOff): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** Folds one calendar event into the book (the read model's and the activity's fold). */
export function evolveCalendar(book: CalendarBook, event: CalendarEvent): CalendarBook {
  const version = book.version + 1;
  switch (event.type) {
    case 'CalendarYearPublished': {
      const { year, decree, status, days } = event.data;
      return { ...book, version, years: { ...book.years, [String(year)]: { year, decree, status, days } } };
    }
    case 'DayOffAdded': {
      const { agency, date, name, kind, legalBasis } = event.data;
      const day: DayOff = { date, name, kind, legalBasis };
      if (agency) {
        const days = [...(book.regional[agency] ?? []).filter((d) => d.date !== date), day].sort(byDate);
        return { ...book, version, regional: { ...book.regional, [agency]: days } };
      }
      const key = date.slice(0, 4);
      const year = book.years[key];
      if (!year) return { ...book, version };
      const days = [...year.days.filter((d) => d.date !== date), day].sort(byDate);
      return { ...book, version, years: { ...book.years, [key]: { ...year, days } } };
    }
    case 'DayOffRemoved': {
      const { agency, date } = event.data;
      if (agency) {
        const days = (book.regional[agency] ?? []).filter((d) => d.date !== date);
        return { ...book, version, regional: { ...book.regional, [agency]: days } };
      }
      const key = date.slice(0, 4);
      const year = book.years[key];
      if (!year) return { ...book, version };
      return {
        ...book,
        version,
        years: { ...book.years, [key]: { ...year, days: year.days.filter((d) => d.date !== date) } },
      };
    }
    case 'AgencyPlaceSet': {
      const { agency, province, zone, level, parent } = event.data;
      const place: AgencyPlace = {
        ...(province ? { province } : {}),
        ...(zone ? { zone } : {}),
        ...(level ? { level } : {}),
        ...(parent ? { parent } : {}),
      };
      return { ...book, version, agencies: { ...book.agencies, [agency]: place } };
    }
  }
}

/** An agency's zone: set for it, else its province's, else WIB (the zone of the law's dates). */
export function zoneOf(book: CalendarBook, agency: string): Zone {
  const place = book.agencies[agency];
  if (place?.zone) return place.zone;
  const provinces: Record<string, string> = ZONES.provinces;
  const fromProvince = place?.province ? provinces[place.province] : undefined;
  return isZone(fromProvince) ? fromProvince : (ZONES.defaultZone as Zone);
}

/** What a round of `agency` counts with, read from the book now (then pinned by the round). */
export function roundCalendarOf(book: CalendarBook, agency: string): RoundCalendar {
  const years = Object.keys(book.years)
    .map(Number)
    .sort((a, b) => a - b);
  const national = Object.values(book.years).flatMap((y) => y.days.map((d) => d.date));
  const regional = (book.regional[agency] ?? []).map((d) => d.date);
  const zone = zoneOf(book, agency);
  return {
    agency,
    version: book.version,
    zone,
    offset: ZONE_OFFSETS[zone],
    years,
    daysOff: [...new Set([...national, ...regional])].sort(),
  };
}

/** The days a pinned calendar skips, covering exactly its years (CALENDAR.YEAR_MISSING beyond them). */
export function holidaysOfCalendar(calendar: Pick<RoundCalendar, 'years' | 'daysOff'>): Holidays {
  return holidaysCovering(calendar.daysOff, calendar.years);
}

const invalid = (field: string, id: string, en: string): never => fail('CALENDAR.INVALID', id, en, { field });

function requireLegalBasis(legalBasis: unknown): string {
  if (typeof legalBasis !== 'string' || legalBasis.trim().length < 3) {
    fail(
      'CALENDAR.LEGAL_BASIS_REQUIRED',
      'Dasar hukum wajib disebut (mis. nomor SKB atau peraturan daerah)',
      'A legal basis is required (e.g. the SKB number or the regional regulation)',
      { field: 'legalBasis' },
    );
  }
  return legalBasis.trim();
}

function requireDate(date: unknown, field = 'date'): IsoDate {
  if (typeof date !== 'string' || !isIsoDate(date))
    invalid(field, `Tanggal tidak valid: ${String(date)}`, `Invalid date: ${String(date)}`);
  return date as IsoDate;
}

function requireName(name: unknown, field = 'name'): string {
  if (typeof name !== 'string' || name.trim().length === 0 || name.length > 200) {
    invalid(
      field,
      'Nama hari libur wajib diisi (paling banyak 200 karakter)',
      'A holiday name is required (at most 200 characters)',
    );
  }
  return (name as string).trim();
}

/**
 * An agency's level and the province over it: a parent is a known provincial agency other than
 * itself, and only a regency or a city has one (a province is under no other agency).
 */
function checkHierarchy(
  book: CalendarBook,
  agency: string,
  level: unknown,
  parent: unknown,
): { level?: AgencyLevel; parent?: string } {
  if (level !== undefined && !isAgencyLevel(level))
    invalid(
      'level',
      `Tingkat instansi tidak dikenal: ${String(level)} (province, regency, city)`,
      `Unknown agency level: ${String(level)} (province, regency, city)`,
    );
  if (parent === undefined) return level === undefined ? {} : { level: level as AgencyLevel };
  if (level === 'province')
    invalid('parent', 'Provinsi tidak berada di bawah instansi lain', 'A province is under no other agency');
  if (typeof parent !== 'string' || parent === agency || book.agencies[parent]?.level !== 'province')
    invalid(
      'parent',
      `Induk harus instansi provinsi yang dikenal: ${String(parent)}`,
      `The parent must be a known provincial agency: ${String(parent)}`,
    );
  return { ...(level === undefined ? {} : { level: level as AgencyLevel }), parent: parent as string };
}

/** An admin's change to the calendar, checked: the event to append, or a refusal naming the field. */
export type CalendarCommand =
  | { readonly type: 'PublishCalendarYear'; readonly data: Record<string, unknown> }
  | { readonly type: 'AddDayOff'; readonly data: Record<string, unknown> }
  | { readonly type: 'RemoveDayOff'; readonly data: Record<string, unknown> }
  | { readonly type: 'SetAgencyPlace'; readonly data: Record<string, unknown> };

export function decideCalendar(command: CalendarCommand, book: CalendarBook): CalendarEvent {
  const d = command.data;
  const legalBasis = requireLegalBasis(d['legalBasis']);
  const agency = d['agency'] === undefined ? undefined : d['agency'];
  if (agency !== undefined && (typeof agency !== 'string' || !/^[a-z0-9_]{2,40}$/.test(agency))) {
    invalid('agency', `Instansi tidak valid: ${String(agency)}`, `Invalid agency: ${String(agency)}`);
  }
  const scope = agency === undefined ? {} : { agency: agency as string };
  switch (command.type) {
    case 'PublishCalendarYear': {
      const year = d['year'];
      if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100) {
        invalid('year', `Tahun tidak valid: ${String(year)}`, `Invalid year: ${String(year)}`);
      }
      const decree = typeof d['decree'] === 'string' && d['decree'].trim() ? d['decree'].trim() : legalBasis;
      const status = d['status'] === 'provisional' ? 'provisional' : 'decreed';
      const raw = d['days'];
      if (!Array.isArray(raw) || raw.length === 0)
        invalid('days', 'Daftar hari libur kosong', 'The list of days off is empty');
      const days = (raw as unknown[]).map((entry, i): DayOff => {
        const e = (entry ?? {}) as Record<string, unknown>;
        const date = requireDate(e['date'], `days[${i}].date`);
        if (Number(date.slice(0, 4)) !== year)
          invalid(
            `days[${i}].date`,
            `${date} bukan tahun ${String(year)}`,
            `${date} is not in ${String(year)}`,
          );
        const kind = e['kind'] === 'cuti-bersama' ? 'cuti-bersama' : 'holiday';
        return { date, name: requireName(e['name'], `days[${i}].name`), kind };
      });
      return {
        type: 'CalendarYearPublished',
        data: { year: year as number, decree, status, days: [...days].sort(byDate), legalBasis },
      };
    }
    case 'AddDayOff': {
      const date = requireDate(d['date']);
      const name = requireName(d['name']);
      if (!agency && !book.years[date.slice(0, 4)]) {
        fail(
          'CALENDAR.YEAR_MISSING',
          `Kalender tahun ${date.slice(0, 4)} belum diterbitkan; terbitkan tahunnya lebih dulu`,
          `No calendar for ${date.slice(0, 4)}: publish the year first`,
          { year: Number(date.slice(0, 4)) },
        );
      }
      const kind: DayOffKind = agency
        ? 'regional'
        : d['kind'] === 'cuti-bersama'
          ? 'cuti-bersama'
          : 'holiday';
      return { type: 'DayOffAdded', data: { date, name, kind, ...scope, legalBasis } };
    }
    case 'RemoveDayOff': {
      const date = requireDate(d['date']);
      const days = agency
        ? (book.regional[agency as string] ?? [])
        : (book.years[date.slice(0, 4)]?.days ?? []);
      if (!days.some((x) => x.date === date)) {
        fail('CALENDAR.HOLIDAY_UNKNOWN', `Tidak ada hari libur pada ${date}`, `No day off on ${date}`, {
          field: 'date',
          date,
        });
      }
      return { type: 'DayOffRemoved', data: { date, ...scope, legalBasis } };
    }
    case 'SetAgencyPlace': {
      if (!agency) invalid('agency', 'Instansi wajib diisi', 'The agency is required');
      const province = d['province'];
      const zone = d['zone'];
      const provinces: Record<string, string> = ZONES.provinces;
      if (province !== undefined && (typeof province !== 'string' || !(province in provinces))) {
        fail(
          'CALENDAR.ZONE_UNKNOWN',
          `Provinsi tidak dikenal: ${String(province)}`,
          `Unknown province: ${String(province)}`,
          { field: 'province' },
        );
      }
      if (zone !== undefined && !isZone(zone)) {
        fail(
          'CALENDAR.ZONE_UNKNOWN',
          `Zona waktu tidak dikenal: ${String(zone)} (WIB, WITA, WIT)`,
          `Unknown time zone: ${String(zone)} (WIB, WITA, WIT)`,
          { field: 'zone' },
        );
      }
      const { level, parent } = checkHierarchy(book, agency as string, d['level'], d['parent']);
      return {
        type: 'AgencyPlaceSet',
        data: {
          agency: agency as string,
          ...(typeof province === 'string' ? { province } : {}),
          ...(isZone(zone) ? { zone } : {}),
          ...(level ? { level } : {}),
          ...(parent ? { parent } : {}),
          legalBasis,
        },
      };
    }
  }
}
