import { ProblemException } from '../../problem/problem-details.filter';

/**
 * What one import may cost, checked while the file is read so that a file past a limit is refused
 * before it is expanded (ADR 20). A real list of 2,000 applicants is about 300 KB as XLSX and
 * expands to under 5 MB; each limit is several times what such a file needs.
 */
export const LIMITS = {
  /** The uploaded file as sent (the multipart reader refuses larger ones first). */
  fileBytes: 2 * 1024 * 1024,
  /** Entries in an XLSX (ZIP) file; Excel writes about a dozen. */
  zipEntries: 500,
  /** The parts of a workbook the reader expands (sheet, shared strings, styles, workbook), by their declared sizes together. */
  expandedBytes: 16 * 1024 * 1024,
  /** Data rows (non-empty, after the header): about a minute of registrations. */
  rows: 2_000,
  /** Cells holding a value, in all rows together; also the most shared strings a workbook may list. */
  cells: 100_000,
  /** The rightmost column a value may be in (IV, the old Excel limit). */
  columns: 256,
  /** Characters in one cell: Excel's own limit. */
  cellChars: 32_767,
} as const;

export type LimitName = keyof typeof LIMITS;

/** Files whose expansion the reader runs at once; others wait their turn, so memory stays bounded however many arrive. */
export const WORKBOOKS_AT_ONCE = 2;

const CODES: Record<LimitName, string> = {
  fileBytes: 'IMPORT.TOO_LARGE',
  zipEntries: 'IMPORT.TOO_MANY_ENTRIES',
  expandedBytes: 'IMPORT.EXPANDS_TOO_MUCH',
  rows: 'IMPORT.TOO_MANY_ROWS',
  cells: 'IMPORT.TOO_MANY_CELLS',
  columns: 'IMPORT.TOO_MANY_CELLS',
  cellChars: 'IMPORT.CELL_TOO_LONG',
};

/** 413 with the limit's stable code, naming the limit and its value in `details`, in Bahasa Indonesia and English. */
export function limitProblem(
  limit: LimitName,
  reason: { id: string; en: string },
  details: Record<string, unknown> = {},
): ProblemException {
  return new ProblemException({
    status: 413,
    code: CODES[limit],
    detail: reason.en,
    reason,
    details: { limit, max: LIMITS[limit], ...details },
  });
}

/** A runner that lets at most `size` tasks run at once, the rest in arrival order. */
export function gate(size: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
