/** At most this many sends again, each after the API's Retry-After, never waiting longer than MAX_WAIT_MS. */
const ATTEMPTS = 3;
const MAX_WAIT_MS = 10_000;

type Send = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/**
 * The API answers 429 or 503 with `Retry-After` when it did not take a request now: a busy round
 * or agency, an overloaded service (nothing was decided), or a decision whose outcome is still
 * coming (ADR 16). Sent again after the advised delay, a person sees the answer a moment later
 * instead of an error. A decision keeps its Idempotency-Key, so a pending one is answered with its
 * outcome and never recorded twice; past the attempts, the last answer is shown as it is. A
 * `Request` is cloned for each attempt; a string, FormData or Blob body is sent again as it is.
 */
export function retryingFetch(
  send: Send = (input, init) => fetch(input, init),
  sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
): Send {
  return async (input, init) => {
    let next = input;
    for (let attempt = 0; ; attempt += 1) {
      const spare =
        attempt < ATTEMPTS
          ? typeof Request !== 'undefined' && next instanceof Request
            ? next.clone()
            : next
          : undefined;
      const response = await send(next, init);
      if (spare === undefined || (response.status !== 429 && response.status !== 503)) return response;
      const retryAfter = Number(response.headers.get('retry-after'));
      if (!Number.isFinite(retryAfter) || retryAfter <= 0 || retryAfter * 1000 > MAX_WAIT_MS) return response;
      await sleep(retryAfter * 1000);
      next = spare;
    }
  };
}
