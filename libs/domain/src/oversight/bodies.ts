import DATA from './data/bodies.json';
import type { GateAuthority, OversightGate, Policy } from '../policy/types';
import type { Reason } from '../shared/rule-id';
import { compareDates, dateIn, isIsoDate, ROUND_OFFSET, type IsoDate, type IsoInstant } from '../shared/time';

/** An oversight body's id as the data names it (`KASN`, `BKN`, the independent body's once it exists). */
export type OversightBodyId = string;

/** Where a body works: national, or (room for the independent body's offices) regional. */
export type BodyLevel = 'national' | 'regional';

/** An oversight body of the merit system, with the law that makes it one. */
export interface OversightBodyInfo {
  readonly id: OversightBodyId;
  readonly name: Reason;
  readonly level: BodyLevel;
  readonly legalSource: string;
}

/** One term of office: the body holding the oversight gates from `from` to `until` (both inclusive; open when absent). */
export interface SuccessionRow {
  readonly body: OversightBodyId;
  readonly from: IsoDate;
  readonly until?: IsoDate;
  readonly legalSource: string;
}

/** The bodies and who held the oversight gates when: data, checked once when loaded. */
export interface OversightBook {
  readonly bodies: readonly OversightBodyInfo[];
  readonly succession: readonly SuccessionRow[];
}

/** An id: a letter, then letters, digits, `_` or `-` (at most 32), so it reads well in letters and logs. */
export const BODY_ID = /^[A-Za-z][A-Za-z0-9_-]{1,31}$/;

/** Checks a book: known bodies, valid dates, rows in order without overlap. Throws on the first fault. */
export function checkOversightBook(book: OversightBook): OversightBook {
  const ids = new Set<string>();
  for (const b of book.bodies) {
    if (!BODY_ID.test(b.id) || b.id === 'none' || ids.has(b.id))
      throw new Error(`oversight body id ${b.id}: invalid or repeated`);
    if (!b.legalSource.trim()) throw new Error(`oversight body ${b.id}: no legal source`);
    ids.add(b.id);
  }
  book.succession.forEach((row, i) => {
    const previous = book.succession[i - 1];
    if (!ids.has(row.body)) throw new Error(`succession row ${i}: unknown body ${row.body}`);
    if (!isIsoDate(row.from) || (row.until !== undefined && !isIsoDate(row.until)))
      throw new Error(`succession row ${i}: invalid date`);
    if (row.until !== undefined && compareDates(row.until, row.from) < 0)
      throw new Error(`succession row ${i}: ends before it starts`);
    if (previous && (previous.until === undefined || compareDates(previous.until, row.from) >= 0))
      throw new Error(`succession row ${i}: overlaps the row before`);
    if (!row.legalSource.trim()) throw new Error(`succession row ${i}: no legal source`);
  });
  return book;
}

/** The compiled book (data/bodies.json): KASN until Perpres 92/2024, BKN since. */
export const OVERSIGHT_BOOK: OversightBook = checkOversightBook(DATA as OversightBook);

/** True when the id names a body of the book. */
export const isOversightBody = (id: unknown, book: OversightBook = OVERSIGHT_BOOK): id is OversightBodyId =>
  typeof id === 'string' && book.bodies.some((b) => b.id === id);

/** The date a decision takes effect in law: the national (WIB) date of its instant, wherever the agency is. */
export const decisionDateOf = (now: IsoInstant): IsoDate => dateIn(now, ROUND_OFFSET);

/** The term of office covering a date, if any. */
export function successionOn(date: IsoDate, book: OversightBook = OVERSIGHT_BOOK): SuccessionRow | undefined {
  return book.succession.find(
    (r) => compareDates(r.from, date) <= 0 && (r.until === undefined || compareDates(date, r.until) <= 0),
  );
}

/** Who holds a gate on a date: `none` when the round's policy has no such gate, else the body in office that day. */
export interface GateHolder {
  readonly holder: GateAuthority;
  /** The succession row that puts the holder in office (absent for `none` or a date no row covers). */
  readonly term?: SuccessionRow;
}

/**
 * The policy pinned at announcement says whether a gate exists (its numbers stay frozen); the
 * succession on the decision's date says which body holds it. A date before every row falls back
 * to the body the policy names.
 */
export function gateHolderOn(
  policy: Policy,
  gate: OversightGate,
  date: IsoDate,
  book: OversightBook = OVERSIGHT_BOOK,
): GateHolder {
  const named = policy.gates[gate].value;
  if (named === 'none') return { holder: 'none' };
  const term = successionOn(date, book);
  return term ? { holder: term.body, term } : { holder: named };
}
