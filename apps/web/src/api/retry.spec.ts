import { retryingFetch } from './retry';

const answer = (status: number, retryAfter?: string) =>
  new Response(JSON.stringify({ code: status === 200 ? 'OK' : 'ROUND.BUSY' }), {
    status,
    headers: retryAfter ? { 'retry-after': retryAfter } : {},
  });

describe('the console sends again what the API did not take now', () => {
  it('sends a decision again after Retry-After, with its body and Idempotency-Key, until it is answered', async () => {
    const seen: Array<{ key: string | null; body: string }> = [];
    const answers = [answer(429, '1'), answer(503, '2'), answer(200)];
    const waits: number[] = [];
    const fetchIt = retryingFetch(
      async (input) => {
        const r = input as Request;
        seen.push({ key: r.headers.get('idempotency-key'), body: await r.text() });
        return answers.shift()!;
      },
      async (ms) => void waits.push(ms),
    );
    const response = await fetchIt(
      new Request('http://x/rounds/r/decisions/RegisterApplicant', {
        method: 'POST',
        body: '{"a":1}',
        headers: { 'idempotency-key': 'k-1' },
      }),
    );
    expect(response.status).toBe(200);
    expect(waits).toEqual([1000, 2000]);
    expect(seen).toEqual([1, 2, 3].map(() => ({ key: 'k-1', body: '{"a":1}' })));
  });

  it('shows a refusal, an answer without Retry-After, a long wait and the fourth 429 as they are', async () => {
    for (const [answers, calls] of [
      [[answer(422)], 1],
      [[answer(503)], 1],
      [[answer(429, '60')], 1],
      [[answer(429, '1'), answer(429, '1'), answer(429, '1'), answer(429, '1')], 4],
    ] as const) {
      const queue = [...answers];
      let sent = 0;
      const response = await retryingFetch(
        async () => ((sent += 1), queue.shift()!),
        async () => undefined,
      )(new Request('http://x/inbox'));
      expect({ status: response.status, sent }).toEqual({
        status: answers[answers.length - 1]!.status,
        sent: calls,
      });
    }
  });
});
