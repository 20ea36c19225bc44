import type { Sql, TransactionSql } from 'postgres';
import type { ReadModel } from './read-model';

/** Any of our models, whatever its row type (the runner treats rows as plain records). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyReadModel = ReadModel<any>;
type Row = Record<string, unknown>;
type Db = Sql | TransactionSql;

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * The current rows of these streams. `to_jsonb` returns every column as JSON (timestamps as
 * ISO strings, numerics as numbers), the same shapes `evolve` writes, whatever the column type.
 */
export async function loadRows(db: Db, model: AnyReadModel, streamIds: readonly string[]): Promise<Row[]> {
  if (streamIds.length === 0) return [];
  const rows = await db.unsafe<{ row: Row }[]>(
    `select to_jsonb(t) as row from ${ident(model.table)} t where ${ident(model.streamColumn)} = any($1::text[])`,
    [streamIds as string[]],
  );
  return rows.map((r) => r.row);
}

/**
 * Upserts and deletes rows in one statement each, whatever their number: rows travel as one JSON
 * parameter that `json_populate_recordset` turns into typed rows of the model's own table.
 */
export async function writeRows(
  db: Db,
  model: AnyReadModel,
  upserts: readonly Row[],
  deletes: readonly Row[],
): Promise<void> {
  await writeEncodedRows(db, model, encodeRows(upserts), encodeRows(deletes));
}

/** Rows as `writeEncodedRows` sends them (undefined when there are none). */
export const encodeRows = (rows: readonly Row[]): string | undefined =>
  rows.length > 0 ? JSON.stringify(rows) : undefined;

/** `writeRows` with rows already encoded (a rebuild encodes them when it takes them, then writes). */
export async function writeEncodedRows(
  db: Db,
  model: AnyReadModel,
  upserts: string | undefined,
  deletes: string | undefined,
): Promise<void> {
  const table = ident(model.table);
  const keys = model.key.map(ident).join(', ');
  if (deletes !== undefined) {
    await db.unsafe(
      `delete from ${table} where (${keys}) in (select ${keys} from json_populate_recordset(null::${table}, $1::text::json))`,
      [deletes],
    );
  }
  if (upserts !== undefined) {
    const columns = model.columns.map(ident).join(', ');
    const others = model.columns.filter((c) => !model.key.includes(c));
    const onConflict = others.length
      ? `do update set ${others.map((c) => `${ident(c)} = excluded.${ident(c)}`).join(', ')}`
      : 'do nothing';
    await db.unsafe(
      `insert into ${table} (${columns}) select ${columns} from json_populate_recordset(null::${table}, $1::text::json) on conflict (${keys}) ${onConflict}`,
      [upserts],
    );
  }
}
