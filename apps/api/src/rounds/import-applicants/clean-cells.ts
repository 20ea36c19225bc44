import { jsonFaultReason, textProblemOf } from '@selter/domain';
import { invalidRequest } from '../../problem/problems';
import type { Cell } from './applicant-file';

/** At most this many cells are named in one refusal: enough to fix a file, short enough to read. */
const MAX_NAMED = 20;

/** A column as a spreadsheet names it: A, B, ..., Z, AA, AB, ... */
function letterOf(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** `rows[3].nama`: the row as the spreadsheet numbers it, the column by its header (or its letter when the header is blank or is the bad cell). */
function pathOf(row: number, header: string | undefined, index: number): string {
  const name = header && !textProblemOf(header) ? header : letterOf(index);
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `rows[${row}].${name}` : `rows[${row}][${JSON.stringify(name)}]`;
}

/**
 * Refuses the whole file (`rows`, the header row first), 400 REQUEST.INVALID naming each row and
 * column, when any cell (header included) holds a C0 control but tab/LF/CR, DEL, a lone surrogate or a noncharacter: the text
 * rule of the JSON API (docs/api.md), which an XLSX escape such as `_x0000_` (the workbook format
 * decodes it into U+0000) must not get around. Not the bad rows alone: text people type never holds these,
 * so a file that does is corrupt (a broken export, a wrong encoding) or hostile, and registering
 * the part of it that looks fine would record applicants from a file nobody can vouch for. Runs
 * before any row is sent, so nothing is registered.
 */
export function refuseUncleanCells(
  rows: ReadonlyArray<{ readonly row: number; readonly cells: readonly Cell[] }>,
  header: readonly string[],
): void {
  const errors: Array<{ path: string; message: string }> = [];
  rows.forEach(({ row, cells }, i) => {
    cells.forEach((cell, index) => {
      const problem = typeof cell === 'string' ? textProblemOf(cell) : undefined;
      if (!problem || errors.length >= MAX_NAMED) return;
      // The header row's cells are the column names: a bad one is named by its letter.
      const path = pathOf(row, i === 0 ? undefined : header[index], index);
      errors.push({ path, message: jsonFaultReason({ ...problem, path }).en });
    });
  });
  if (errors.length === 0) return;
  throw invalidRequest(
    `The file holds ${errors.length === MAX_NAMED ? 'at least ' : ''}${errors.length} cell(s) with a character text never holds (a control character, an unpaired surrogate or a noncharacter): it looks corrupt, so no row was registered. Correct the cells named and upload the file again.`,
    errors,
  );
}
