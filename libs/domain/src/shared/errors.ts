import { ERROR_CODES, type ErrorCode } from './error-codes';
import type { Reason, RuleId } from './rule-id';

/** A refused command: a stable code, the rule it enforces, and a reason in Bahasa Indonesia and English. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly ruleId: RuleId | undefined;
  readonly reason: Reason;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, reason: Reason, details: Record<string, unknown> = {}, ruleId?: RuleId) {
    super(`${code}: ${reason.en}`);
    this.name = 'DomainError';
    this.code = code;
    const entry: { ruleId?: RuleId } = ERROR_CODES[code];
    this.ruleId = ruleId ?? entry.ruleId;
    this.reason = reason;
    this.details = details;
  }

  /** A plain object for logs, Temporal failures and HTTP bodies. */
  toJSON(): { code: ErrorCode; ruleId?: RuleId; reason: Reason; details: Record<string, unknown> } {
    return {
      code: this.code,
      ...(this.ruleId ? { ruleId: this.ruleId } : {}),
      reason: this.reason,
      details: { ...this.details },
    };
  }
}

/** Throws a DomainError; reads well in guard clauses: `if (bad) fail(...)`. */
export function fail(
  code: ErrorCode,
  id: string,
  en: string,
  details: Record<string, unknown> = {},
  ruleId?: RuleId,
): never {
  throw new DomainError(code, { id, en }, details, ruleId);
}

/** A refusal as a value: what a check reports among all it finds (see `throwFirst`). */
export function finding(
  code: ErrorCode,
  id: string,
  en: string,
  details: Record<string, unknown> = {},
  ruleId?: RuleId,
): DomainError {
  return new DomainError(code, { id, en }, details, ruleId);
}

/** A command is refused with the first of its findings (checks list them all, in rule order). */
export function throwFirst(findings: readonly DomainError[]): void {
  const [first] = findings;
  if (first) throw first;
}

/** Runs a check that refuses by throwing, and returns its refusal as a finding instead. */
export function findingsOf(check: () => unknown): DomainError[] {
  try {
    check();
    return [];
  } catch (error) {
    if (error instanceof DomainError) return [error];
    throw error;
  }
}

export type DecideResult<E> = { ok: true; events: E[] } | { ok: false; error: DomainError };

/** Runs a decide function and returns refusals as values instead of exceptions. */
export function tryDecideWith<C, S, E>(
  decide: (command: C, state: S) => E[],
  command: C,
  state: S,
): DecideResult<E> {
  try {
    return { ok: true, events: decide(command, state) };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error };
    throw error;
  }
}
