import type { RoundCommandOf } from '@selter/contracts';
import { ProblemException } from '../../problem/problem-details.filter';
import { DECISION_BODIES } from '../schemas/decision-bodies';
import { CellError, COLUMNS, columnNamed, type Column } from './applicant-columns';
import type { Cell } from './applicant-file';

type Registration = RoundCommandOf<'RegisterApplicant'>['data'];

/** Which cell of a row holds which column, as the file's header names them; cells under other headers are ignored. */
export interface Layout {
  readonly columns: ReadonlyArray<{
    readonly index: number;
    readonly column: Column;
    readonly header: string;
  }>;
  readonly ignored: readonly string[];
}

/** A row that cannot be sent: the column at fault (as the file names it) and why, in Bahasa Indonesia and English. */
export interface RowFault {
  readonly field: string;
  readonly reason: { id: string; en: string };
  readonly errors: Array<{ field: string; message: string }>;
}

const badHeader = (code: string, detail: string, details?: Record<string, unknown>): ProblemException =>
  new ProblemException({ status: 400, code, detail, ...(details ? { details } : {}) });

/** Reads the header row: every required column once (by its name or an alias), or 400 naming what is missing. */
export function layoutOf(header: readonly string[]): Layout {
  const columns: Array<Layout['columns'][number]> = [];
  const ignored: string[] = [];
  header.forEach((cell, index) => {
    const column = cell ? columnNamed(cell) : undefined;
    if (!column) return void (cell && ignored.push(cell));
    const twice = columns.find((c) => c.column === column);
    if (twice)
      throw badHeader(
        'IMPORT.DUPLICATE_COLUMN',
        `The columns "${twice.header}" and "${cell}" both give ${column.name}: keep one.`,
        { column: column.name },
      );
    columns.push({ index, column, header: cell });
  });
  if (columns.length === 0)
    throw badHeader(
      'IMPORT.NO_HEADER',
      `The first row names none of the columns (${COLUMNS.map((c) => c.name).join(', ')}): it must be the header row.`,
    );
  const missing = COLUMNS.filter((c) => c.required && !columns.some((l) => l.column === c)).map(
    (c) => c.name,
  );
  if (missing.length)
    throw badHeader(
      'IMPORT.MISSING_COLUMNS',
      `The header lacks the column(s) ${missing.join(', ')} (see docs/api.md, "Applicant import").`,
      { missing },
    );
  return { columns, ignored };
}

function put(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) target[head] = value;
  else put((target[head] ??= {}) as Record<string, unknown>, rest, value);
}

const fault = (
  field: string,
  message: string,
  id = `Kolom "${field}" tidak valid: ${message}`,
): RowFault => ({
  field,
  reason: { id, en: `Column "${field}" is invalid: ${message}` },
  errors: [{ field, message }],
});

/**
 * One row as RegisterApplicant's body, validated by the very schema the single registration uses;
 * `id_pelamar` defaults to `<jabatan>-<nip>`. A fault names the column as the file's header wrote it.
 */
export function registrationOf(
  layout: Layout,
  cells: readonly Cell[],
): { data: Registration } | { fault: RowFault } {
  const body: Record<string, unknown> = {};
  for (const { index, column, header } of layout.columns) {
    try {
      const value = column.read(cells[index] ?? null);
      if (value !== undefined) put(body, column.path, value);
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      return {
        fault: { field: header, reason: error.reason, errors: [{ field: header, message: error.reason.en }] },
      };
    }
  }
  const applicant = body['applicant'] as { nip?: unknown } | undefined;
  const derived =
    body['applicantId'] === undefined &&
    typeof body['postId'] === 'string' &&
    typeof applicant?.nip === 'string';
  if (derived) body['applicantId'] = `${String(body['postId'])}-${String(applicant?.nip)}`;
  const parsed = DECISION_BODIES.RegisterApplicant.safeParse(body);
  if (parsed.success) return { data: parsed.data };
  // A derived id is only as good as the jabatan and NIP it is made of: their own faults come first.
  const issues = parsed.error.issues.filter(
    (issue) => !derived || issue.path[0] !== 'applicantId' || parsed.error.issues.length === 1,
  );
  const headerAt = (path: readonly PropertyKey[]): string => {
    const found = layout.columns.find(({ column }) => column.path.every((part, i) => path[i] === part));
    return (
      found?.header ??
      COLUMNS.find((c) => c.path.every((part, i) => path[i] === part))?.name ??
      path.map(String).join('.')
    );
  };
  const errors = issues.map((issue) => ({ field: headerAt(issue.path), message: issue.message }));
  const [first] = errors;
  return { fault: { ...fault(first?.field ?? '?', first?.message ?? 'invalid'), errors } };
}
