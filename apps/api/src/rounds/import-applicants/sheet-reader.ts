import type { Cell } from './applicant-file';
import { LIMITS } from './import-limits';
import type { SheetCollector } from './sheet-collector';
import { RunText, unescapeXstring, type WorkbookMap } from './workbook-parts';
import { readXml } from './xml-part';
import type { ZipParts } from './zip-parts';

/** What a sheet's cells refer to: the shared strings, which styles show dates, the date system. */
export interface SheetContext {
  readonly strings: readonly string[];
  readonly dates: readonly boolean[];
  readonly date1904: boolean;
}

/** A cell reference's column, 1 for A (`AB12` is 28); 0 when it has none. */
function columnOf(ref: string): number {
  let column = 0;
  for (const char of ref.toUpperCase()) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90 || column > LIMITS.columns * 26) break;
    column = column * 26 + code - 64;
  }
  return column;
}

/** A date serial as Excel shows it (days since 1899-12-30, or since 1904-01-01), to the millisecond as exceljs read it. */
const excelDate = (serial: number, date1904: boolean): Date =>
  new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/** A cell's value by its type (`t`): shared, inline or formula text, a boolean, an error's text, an ISO date, or a number (a date when its style shows one). */
function valueOf(
  type: string,
  raw: string,
  inline: string | undefined,
  style: number,
  context: SheetContext,
): Cell {
  const empty = raw.trim() === '';
  switch (type) {
    case 's':
      return empty ? null : (context.strings[Number(raw)] ?? null);
    case 'inlineStr':
      return inline ?? null;
    case 'str':
      return unescapeXstring(raw);
    case 'e':
      return empty ? null : raw;
    case 'b':
      return empty ? null : raw === '1' || raw === 'true';
    case 'd': {
      const date = new Date(raw);
      return empty ? null : Number.isNaN(date.getTime()) ? raw : date;
    }
    default: {
      const number = Number(raw);
      if (empty) return null;
      if (Number.isNaN(number)) return raw;
      return context.dates[style] ? excelDate(number, context.date1904) : number;
    }
  }
}

/**
 * Streams the sheet's rows into the collector, each as soon as its `</row>` is read: the row
 * number and columns from `r` (or counted on when a writer leaves `r` out), blank rows kept out.
 */
export async function readSheetRows(
  zip: ZipParts,
  map: WorkbookMap,
  context: SheetContext,
  collector: SheetCollector,
): Promise<void> {
  let row = 0;
  let column = 0;
  let cells: Cell[] = [];
  let cell: { type: string; style: number } | undefined;
  let raw = '';
  let inValue = false;
  const inline = new RunText((chars) => collector.length(chars));
  await readXml(zip, map.sheet, {
    open(name, attributes) {
      const ref = attributes['r'] ?? '';
      if (name === 'row') {
        row = Number(ref) > 0 ? Number(ref) : row + 1;
        [cells, column] = [[], 0];
      } else if (name === 'c') {
        column = columnOf(ref) || column + 1;
        cell = { type: attributes['t'] ?? 'n', style: Number(attributes['s'] ?? 0) };
        raw = '';
      } else if (name === 'v') inValue = true;
      else inline.open(name);
    },
    close(name) {
      if (name === 'v') inValue = false;
      else if (name === 'c' && cell) {
        const value = valueOf(cell.type, raw, inline.take(), cell.style, context);
        collector.cell(column, value);
        if (value !== null && column <= LIMITS.columns) cells[column - 1] = value;
        cell = undefined;
      } else if (name === 'row')
        collector.row(
          row,
          Array.from(cells, (value) => value ?? null),
        );
      else inline.close(name);
    },
    text(text) {
      if (!cell) return;
      if (!inValue) return inline.add(text);
      raw += text;
      collector.length(raw.length / 7);
    },
  });
}
