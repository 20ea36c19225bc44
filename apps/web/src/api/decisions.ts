import { getJson } from './call';
import type { components, paths } from './schema';

type DecisionPaths = {
  [P in keyof paths as P extends `/rounds/{roundId}/decisions/${infer T}` ? T : never]: paths[P];
};

/** Every decision a round takes after its plan, one generated operation each (the API's document). */
export type DecisionType = keyof DecisionPaths & string;

/** The body of a decision, as the API's document declares it. */
export type DecisionBody<T extends DecisionType> = DecisionPaths[T] extends {
  post: { requestBody: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

/** What an accepted decision recorded. */
export type DecisionResult = components['schemas']['DecisionResult'];

/** What the dry run (`…/check`) says: allowed, with the events it would record (a refusal throws ApiProblem). */
export type DecisionCheck = components['schemas']['DecisionCheck'];

const post = (body: unknown, headers: Record<string, string> = {}) =>
  ({
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  }) satisfies RequestInit;

const decisionPath = (roundId: string, type: string) =>
  `/rounds/${encodeURIComponent(roundId)}/decisions/${type}`;

/**
 * Sends a decision once: the Idempotency-Key makes a retry (double click, lost reply) record it
 * only once; keep the key for retries of the same decision. Refusals throw ApiProblem.
 */
export function sendDecision<T extends DecisionType>(
  token: string,
  roundId: string,
  type: T,
  body: DecisionBody<T>,
  idempotencyKey: string = crypto.randomUUID(),
): Promise<DecisionResult> {
  return getJson<DecisionResult>(
    decisionPath(roundId, type),
    token,
    post(body, { 'idempotency-key': idempotencyKey }),
  );
}

/** Asks whether the rules allow a decision now, recording nothing (refusals throw ApiProblem). */
export function checkDecision<T extends DecisionType>(
  token: string,
  roundId: string,
  type: T,
  body: DecisionBody<T>,
): Promise<DecisionCheck> {
  return getJson<DecisionCheck>(`${decisionPath(roundId, type)}/check`, token, post(body));
}
