import { parse } from 'papaparse';
import { ProblemException } from '../../problem/problem-details.filter';
import { refuseUncleanCells } from './clean-cells';
import { gate, LIMITS, limitProblem, WORKBOOKS_AT_ONCE } from './import-limits';
import { blank, SheetCollector } from './sheet-collector';
import { readSheetRows } from './sheet-reader';
import { dateStyles, sharedStrings, workbookMap } from './workbook-parts';
import { NotAWorkbook, ZipParts } from './zip-parts';

/** A cell as the importer reads it: text from a CSV; text, number, boolean or date from a workbook. */
export type Cell = string | number | boolean | Date | null;

/** A spreadsheet: its header cells and each non-empty data row with its row number as a spreadsheet shows it (the header is row 1). */
export interface Sheet {
  readonly format: 'csv' | 'xlsx';
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<{ readonly row: number; readonly cells: readonly Cell[] }>;
}

const SEPARATORS = [',', ';', '\t'];

const fileProblem = (status: number, code: string, detail: string): ProblemException =>
  new ProblemException({ status, code, detail });

const isZip = (bytes: Buffer): boolean => bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
const isOleDocument = (bytes: Buffer): boolean =>
  bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));

function csvRows(bytes: Buffer): Cell[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fileProblem(
      415,
      'IMPORT.UNSUPPORTED_FORMAT',
      'The file is neither an XLSX workbook nor UTF-8 text: save it as "CSV UTF-8" or as an Excel workbook (.xlsx).',
    );
  }
  // A NUL in the first line is a binary file or UTF-16 text ("Unicode text" from Excel), not a CSV;
  // a NUL further down is a corrupt cell, which refuseUncleanCells names.
  const firstLine = /^[\s\uFEFF]*([^\r\n]*)/.exec(text)?.[1] ?? '';
  if (firstLine.includes('\0'))
    throw fileProblem(
      415,
      'IMPORT.UNSUPPORTED_FORMAT',
      'The file is binary or UTF-16 text, not CSV: upload a CSV (UTF-8) or XLSX file.',
    );
  // TextDecoder drops a UTF-8 byte order mark; Excel's "CSV UTF-8" writes one.
  return parse<string[]>(text, { delimiter: separatorOf(text), skipEmptyLines: false }).data;
}

/** The separator the header line uses most: comma, semicolon (Excel in an Indonesian locale writes it) or tab. */
function separatorOf(text: string): string {
  const header = (text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '').replace(/"[^"]*"/g, '');
  const counts = SEPARATORS.map((separator) => header.split(separator).length);
  return SEPARATORS[counts.indexOf(Math.max(...counts))] ?? ',';
}

/** Workbooks expanded at once in this process (ADR 20): ten uploaded together wait their turn rather than each holding its expansion. */
const expanding = gate(WORKBOOKS_AT_ONCE);

/** The first sheet of an XLSX workbook, streamed from its ZIP entries into the collector under LIMITS. */
async function workbookRows(bytes: Buffer, collector: SheetCollector): Promise<void> {
  try {
    await expanding(async () => {
      const zip = await ZipParts.open(bytes);
      const map = await workbookMap(zip);
      const dates = map.styles ? await dateStyles(zip, map.styles) : [];
      const strings = map.sharedStrings ? await sharedStrings(zip, map.sharedStrings, collector) : [];
      await readSheetRows(zip, map, { strings, dates, date1904: map.date1904 }, collector);
    });
  } catch (error) {
    if (!(error instanceof NotAWorkbook)) throw error;
    throw fileProblem(
      415,
      'IMPORT.UNSUPPORTED_FORMAT',
      'The file looks like a ZIP archive but is not a readable XLSX workbook.',
    );
  }
}

/**
 * Reads an uploaded applicant list: an XLSX workbook (its first sheet) or CSV text (UTF-8 with or
 * without a BOM, comma, semicolon or tab separated). The first non-empty row is the header; blank
 * rows are skipped. Anything else is 415; a file without header or rows is 400; too many rows 413;
 * a cell holding a control character, a lone surrogate or a noncharacter 400 (see refuseUncleanCells).
 */
export async function readSheet(bytes: Buffer): Promise<Sheet> {
  if (isOleDocument(bytes))
    throw fileProblem(
      415,
      'IMPORT.UNSUPPORTED_FORMAT',
      'Excel 97-2003 workbooks (.xls) are not read: save the file as .xlsx or as "CSV UTF-8".',
    );
  if (bytes.length > LIMITS.fileBytes)
    throw limitProblem('fileBytes', {
      id: `Berkas lebih besar dari ${LIMITS.fileBytes / 1024 / 1024} MB: pecah berkasnya.`,
      en: `The file is larger than ${LIMITS.fileBytes / 1024 / 1024} MB: split it.`,
    });
  const format = isZip(bytes) ? 'xlsx' : 'csv';
  const collector = new SheetCollector();
  if (format === 'xlsx') await workbookRows(bytes, collector);
  else
    csvRows(bytes).forEach((cells, i) => {
      cells.forEach((cell, index) => collector.cell(index + 1, cell));
      collector.row(i + 1, cells);
    });
  const numbered = collector.rows;
  const [header, ...rows] = numbered;
  if (!header)
    throw fileProblem(
      400,
      'IMPORT.NO_HEADER',
      'The file is empty: it needs a header row naming the columns, then one row per applicant.',
    );
  if (rows.length === 0)
    throw fileProblem(400, 'IMPORT.NO_ROWS', 'The file has a header row but no applicant rows.');
  const names = header.cells.map((cell) => (blank(cell) ? '' : String(cell).trim()));
  refuseUncleanCells(numbered, names);
  return { format, header: names, rows };
}
