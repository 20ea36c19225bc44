import type { Sql, TransactionSql } from 'postgres';
import type { AnyReadModel } from './table-io';

type Row = Record<string, unknown>;

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * How a model's rows become COPY text: which columns hold JSON. Undefined when a column is an
 * array or composite, whose text form COPY would need and rows do not have (use the JSON path).
 */
export interface CopyFormat {
  model: AnyReadModel;
  json: readonly boolean[];
}

export async function copyFormat(sql: Sql, model: AnyReadModel): Promise<CopyFormat | undefined> {
  const columns = await sql<{ name: string; json: boolean; plain: boolean }[]>`
    select a.attname::text as name, t.typname in ('json', 'jsonb') as json, t.typcategory not in ('A', 'C') as plain
    from pg_attribute a join pg_type t on t.oid = a.atttypid
    where a.attrelid = ${ident(model.table)}::regclass and a.attnum > 0 and not a.attisdropped`;
  const byName = new Map(columns.map((c) => [c.name, c]));
  const found = model.columns.map((c) => byName.get(c));
  if (found.some((c) => !c || (!c.json && !c.plain))) return undefined;
  return { model, json: found.map((c) => c?.json === true) };
}

const SPECIAL = /[\\\n\r\t]/;
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const escape = (text: string): string =>
  SPECIAL.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c] ?? c) : text;

/** A value as COPY's text format has it, meaning what `json_populate_recordset` makes of it. */
function copyValue(value: unknown, json: boolean): string {
  if (value === null || value === undefined) return '\\N';
  if (json) return escape(JSON.stringify(value));
  switch (typeof value) {
    case 'string':
      return escape(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : '\\N';
    case 'boolean':
    case 'bigint':
      return String(value);
    default:
      return escape(value instanceof Date ? value.toISOString() : JSON.stringify(value));
  }
}

/** Rows as the text `copyRows` sends, one line each, the model's columns in order. */
export function encodeCopy({ model, json }: CopyFormat, rows: readonly Row[]): string {
  const { columns } = model;
  const lines = new Array<string>(rows.length);
  for (let r = 0; r < rows.length; r += 1) {
    const row = rows[r] as Row;
    let line = copyValue(row[columns[0] as string], json[0] === true);
    for (let c = 1; c < columns.length; c += 1)
      line += `\t${copyValue(row[columns[c] as string], json[c] === true)}`;
    lines[r] = line;
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Inserts encoded rows with COPY, the cheapest way into PostgreSQL (no JSON to parse, no conflict
 * checks): only for rows known not to be in the table. postgres.js reports a COPY that fails after
 * its data was sent to nobody, so a query after it, which then finds the transaction aborted,
 * tells whether it worked; the server's log has the cause.
 */
export async function copyRows(tx: TransactionSql, model: AnyReadModel, text: string): Promise<void> {
  const stream = await tx
    .unsafe(`copy ${ident(model.table)} (${model.columns.map(ident).join(', ')}) from stdin`)
    .writable();
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
  stream.end(); // sends CopyDone now, so the next query follows it on the connection
  try {
    await tx`select 1`;
  } catch (error) {
    throw new Error(
      `COPY into ${model.table} failed (see the PostgreSQL log): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
