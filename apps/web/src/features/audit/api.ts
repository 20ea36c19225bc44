import { getJson } from '../../api/call';
import type { RoundStateAt, RoundVerification } from './types';

// Read with getJson rather than the generated client: callers hold a token, not a client. The types
// are the generated bodies (./types).

const base = (roundId: string) => `/rounds/${encodeURIComponent(roundId)}/audit`;

/** The round's hash chain and signed checkpoint checked by the API, as an offline auditor would. */
export function verifyRound(roundId: string, token: string | undefined): Promise<RoundVerification> {
  return getJson<RoundVerification>(`${base(roundId)}/verification`, token);
}

/** The round's full state right after event `at` (the head when omitted). */
export function roundStateAt(roundId: string, token: string | undefined, at?: number): Promise<RoundStateAt> {
  return getJson<RoundStateAt>(`${base(roundId)}/state${at === undefined ? '' : `?at=${at}`}`, token);
}

/** The evidence bundle's URL (GET answers it as an attachment, or 409 until a checkpoint covers the round). */
export const bundleUrl = (roundId: string): string => `${base(roundId)}/bundle`;

/** Roles the API lets audit a round (apps/api/src/access/audit-access.ts); the API still decides per round. */
export const AUDITING_ROLES: ReadonlySet<string> = new Set(['auditor', 'admin', 'oversight', 'operator']);

/** Roles that may read a round's state (GET …/audit/state): its auditors, and its own pansel members and PPK. */
export const STATE_READERS: ReadonlySet<string> = new Set([...AUDITING_ROLES, 'pansel', 'ppk']);
