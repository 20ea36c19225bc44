/** The stream is not at the version the caller expected (someone else appended first). */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
  readonly code = 'EVENT_STORE.WRONG_EXPECTED_VERSION';
  constructor(
    readonly streamId: string,
    readonly expected: number | 'no_stream' | 'any',
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected version ${String(expected)}, found ${actual}`);
  }
}

/** An event id already stored with different content: never overwritten, never ignored. */
export class IdempotencyConflictError extends Error {
  override readonly name = 'IdempotencyConflictError';
  readonly code = 'EVENT_STORE.EVENT_ID_REUSED';
  constructor(
    readonly eventId: string,
    detail: string,
  ) {
    super(`event ${eventId} already exists with different content (${detail})`);
  }
}

/** A malformed append (empty batch, bad id, non-JSON data). */
export class InvalidAppendError extends Error {
  override readonly name = 'InvalidAppendError';
  readonly code = 'EVENT_STORE.INVALID_APPEND';
}
