// A well-behaved caller of the API's decision routes for the benchmarks: one Idempotency-Key per
// decision, kept on every retry; a 429 or 503 sent again after its Retry-After, a bounded number of
// times; every answer counted by status and problem code.
import { randomUUID } from 'node:crypto';

/** One decision's outcome: status 0 means no answer (network error or the client's timeout). */
export interface Decided {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly attempts: number;
  /** From sending the final attempt to its answer. */
  readonly attemptMs: number;
  /** From sending the first attempt to the final answer, the advised waits included. */
  readonly totalMs: number;
}

/** Answers received, per attempt (not per decision). */
export interface Tally {
  ok: number;
  tooMany: number;
  unavailable: number;
  otherClientError: number;
  serverError: number;
  noAnswer: number;
  /** 429/503 without a usable Retry-After (waited 1 s). */
  missingRetryAfter: number;
  /** Error answers not typed application/problem+json. */
  notProblemJson: number;
  /** `<status> <code>` of every error answer. */
  codes: Record<string, number>;
}

export interface DecisionClientOptions {
  readonly maxAttempts: number;
  /** Client-side bound of one attempt (above the server's own deadline). */
  readonly timeoutMs: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds to wait from a Retry-After header (delta-seconds or an HTTP date); undefined when absent or unreadable. */
function retryAfterMs(header: string | null): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** POSTs decisions to one API, retrying only what the API says may be retried. */
export class DecisionClient {
  readonly tally: Tally = {
    ok: 0,
    tooMany: 0,
    unavailable: 0,
    otherClientError: 0,
    serverError: 0,
    noAnswer: 0,
    missingRetryAfter: 0,
    notProblemJson: 0,
    codes: {},
  };

  constructor(
    private readonly base: string,
    private readonly options: DecisionClientOptions,
  ) {}

  /**
   * Sends `body` to `path` until it gets a final answer: 2xx, a refusal, a 5xx, or `maxAttempts`
   * spent. Retried after the advised delay: 429 and 503 (nothing decided, or the outcome pending:
   * the same key returns it), 409 IDEMPOTENCY.IN_PROGRESS, and no answer at all (1 s).
   */
  async send(token: string, path: string, body: unknown, key: string = randomUUID()): Promise<Decided> {
    const began = performance.now();
    let last: { status: number; body: Record<string, unknown>; ms: number } = { status: 0, body: {}, ms: 0 };
    let attempts = 0;
    while (attempts < this.options.maxAttempts) {
      attempts += 1;
      const sent = performance.now();
      let waitMs: number | undefined;
      try {
        const res = await fetch(`${this.base}${path}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'idempotency-key': key,
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
        const text = await res.text();
        last = { status: res.status, body: parse(text), ms: performance.now() - sent };
        waitMs = this.count(res, last.body);
      } catch (error) {
        this.tally.noAnswer += 1;
        last = {
          status: 0,
          body: { error: error instanceof Error ? error.message : String(error) },
          ms: performance.now() - sent,
        };
        waitMs = 1000;
      }
      if (waitMs === undefined || attempts >= this.options.maxAttempts) break;
      await sleep(waitMs);
    }
    return {
      status: last.status,
      body: last.body,
      attempts,
      attemptMs: last.ms,
      totalMs: performance.now() - began,
    };
  }

  /** Counts an answer; returns how long to wait before sending it again, or undefined when it is final. */
  private count(res: Response, body: Record<string, unknown>): number | undefined {
    const t = this.tally;
    if (res.status >= 200 && res.status < 300) {
      t.ok += 1;
      return undefined;
    }
    const code = `${res.status} ${typeof body['code'] === 'string' ? body['code'] : '?'}`;
    t.codes[code] = (t.codes[code] ?? 0) + 1;
    if (!(res.headers.get('content-type') ?? '').includes('application/problem+json')) t.notProblemJson += 1;
    if (res.status === 429 || res.status === 503) {
      if (res.status === 429) t.tooMany += 1;
      else t.unavailable += 1;
      const advised = retryAfterMs(res.headers.get('retry-after'));
      if (advised === undefined) t.missingRetryAfter += 1;
      return advised ?? 1000;
    }
    if (res.status >= 500) {
      t.serverError += 1;
      return undefined;
    }
    t.otherClientError += 1;
    return res.status === 409 && body['code'] === 'IDEMPOTENCY.IN_PROGRESS'
      ? (retryAfterMs(res.headers.get('retry-after')) ?? 1000)
      : undefined;
  }
}

function parse(text: string): Record<string, unknown> {
  try {
    const value: unknown = text ? JSON.parse(text) : {};
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { value };
  } catch {
    return { text: text.slice(0, 200) };
  }
}
