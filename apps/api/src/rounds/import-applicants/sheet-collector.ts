import type { Cell } from './applicant-file';
import { LIMITS, limitProblem } from './import-limits';

/** An empty cell, or one of spaces only. */
export const blank = (cell: Cell): boolean =>
  cell === null || (typeof cell === 'string' && cell.trim() === '');

const thousands = (n: number): string => n.toLocaleString('en-US');

/**
 * Gathers a sheet's non-empty rows as they are read, refusing with 413 the moment the file passes
 * a limit of LIMITS (rows, cells holding a value, the rightmost column, a cell's length), so a
 * reader that streams never holds more than the limits allow.
 */
export class SheetCollector {
  readonly rows: Array<{ readonly row: number; readonly cells: readonly Cell[] }> = [];
  private filled = 0;

  /** Checks one cell as it is read: its length, its column (1 = A) and the count of cells holding a value. */
  cell(column: number, value: Cell): void {
    if (typeof value === 'string') this.length(value.length);
    if (blank(value)) return;
    if (column > LIMITS.columns)
      throw limitProblem('columns', {
        id: `Ada nilai di kolom ke-${thousands(column)}; impor membaca paling banyak ${LIMITS.columns} kolom: hapus kolom yang tidak dipakai.`,
        en: `A value sits in column ${thousands(column)}; an import reads at most ${LIMITS.columns} columns: delete the unused columns.`,
      });
    if (++this.filled > LIMITS.cells)
      throw limitProblem('cells', {
        id: `Berkas memuat lebih dari ${thousands(LIMITS.cells)} sel berisi; pecah berkasnya.`,
        en: `The file holds more than ${thousands(LIMITS.cells)} cells with a value: split it.`,
      });
  }

  /** Refuses text longer than a cell holds; a reader calls it as text accumulates, before it grows further. */
  length(chars: number): void {
    if (chars > LIMITS.cellChars)
      throw limitProblem('cellChars', {
        id: `Sebuah sel lebih panjang dari ${thousands(LIMITS.cellChars)} karakter (batas Excel sendiri): berkas rusak.`,
        en: `A cell is longer than ${thousands(LIMITS.cellChars)} characters (Excel's own limit): the file is corrupt.`,
      });
  }

  /** Keeps a read row (numbered as a spreadsheet shows it) unless it is empty; 413 past the header and LIMITS.rows rows. */
  row(row: number, cells: readonly Cell[]): void {
    if (cells.every(blank)) return;
    if (this.rows.length > LIMITS.rows)
      throw limitProblem('rows', {
        id: `Berkas memuat lebih dari ${thousands(LIMITS.rows)} baris; satu impor paling banyak ${thousands(LIMITS.rows)}: pecah berkasnya.`,
        en: `The file has more than ${thousands(LIMITS.rows)} rows; one import takes at most ${thousands(LIMITS.rows)}: split it.`,
      });
    this.rows.push({ row, cells });
  }
}
