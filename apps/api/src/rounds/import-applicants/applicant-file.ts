import { Workbook, type CellValue } from 'exceljs';
import { parse } from 'papaparse';
import { ProblemException } from '../../problem/problem-details.filter';
import { refuseUncleanCells } from './clean-cells';

/** The most data rows one import takes: about a minute of registrations, one Update each. */
export const MAX_ROWS = 2_000;

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
const blank = (cell: Cell): boolean => cell === null || (typeof cell === 'string' && cell.trim() === '');

/** A workbook cell's value: formulas by their result, rich and linked text as text, errors as their text. */
function cellOf(value: CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  )
    return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return value.result === undefined ? null : cellOf(value.result as CellValue);
  if ('text' in value) return typeof value.text === 'string' ? value.text : null;
  if ('error' in value) return value.error;
  return null;
}

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

async function workbookRows(bytes: Buffer): Promise<Cell[][]> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw fileProblem(
      415,
      'IMPORT.UNSUPPORTED_FORMAT',
      'The file looks like a ZIP archive but is not a readable XLSX workbook.',
    );
  }
  const sheet = workbook.worksheets[0];
  const rows: Cell[][] = [];
  // Row numbers as Excel shows them: blank rows keep their place.
  sheet?.eachRow({ includeEmpty: false }, (row, number) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows[number - 1] = Array.from(values, (value) => cellOf(value as CellValue));
  });
  return Array.from(rows, (row) => row ?? []);
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
  const format = isZip(bytes) ? 'xlsx' : 'csv';
  const all = format === 'xlsx' ? await workbookRows(bytes) : csvRows(bytes);
  const numbered = all.map((cells, i) => ({ row: i + 1, cells })).filter(({ cells }) => !cells.every(blank));
  const [header, ...rows] = numbered;
  if (!header)
    throw fileProblem(
      400,
      'IMPORT.NO_HEADER',
      'The file is empty: it needs a header row naming the columns, then one row per applicant.',
    );
  if (rows.length === 0)
    throw fileProblem(400, 'IMPORT.NO_ROWS', 'The file has a header row but no applicant rows.');
  if (rows.length > MAX_ROWS)
    throw fileProblem(
      413,
      'IMPORT.TOO_MANY_ROWS',
      `The file has ${rows.length} rows; one import takes at most ${MAX_ROWS}: split it.`,
    );
  const names = header.cells.map((cell) => (blank(cell) ? '' : String(cell).trim()));
  refuseUncleanCells(numbered, names);
  return { format, header: names, rows };
}
