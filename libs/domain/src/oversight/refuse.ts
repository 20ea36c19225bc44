import { decisionDateOf, gateHolderOn, type OversightBook, OVERSIGHT_BOOK } from './bodies';
import type { OversightGate, Policy } from '../policy/types';
import { DomainError } from '../shared/errors';
import type { IsoDate, IsoInstant } from '../shared/time';

/** GATE.WRONG_AUTHORITY naming the holder on the date and the law that puts it there. */
function wrongBody(
  policy: Policy,
  gate: OversightGate,
  who: { holder: string; on: IsoDate; issuedBy: string | undefined; source: string | undefined },
): DomainError {
  const { holder, on, issuedBy, source } = who;
  return new DomainError(
    'GATE.WRONG_AUTHORITY',
    {
      id: `Pada ${on} gerbang ${gate} dipegang ${holder} (${source ?? `kebijakan ${policy.id}`}), bukan ${issuedBy ?? '-'}`,
      en: `On ${on} gate ${gate} is held by ${holder} (${source ?? `policy ${policy.id}`}), not ${issuedBy ?? 'nobody'}`,
    },
    {
      gate,
      policyId: policy.id,
      expected: holder,
      actual: issuedBy,
      on,
      ...(source ? { legalSource: source } : {}),
    },
  );
}

/**
 * The refusal of `body` acting on a gate at an instant, or undefined when it holds the gate then
 * (or the policy has no such gate). The API asks this before it sends a liaison's letter.
 */
export function bodyRefusal(
  policy: Policy,
  gate: OversightGate,
  now: IsoInstant,
  body: string | undefined,
  book: OversightBook = OVERSIGHT_BOOK,
): DomainError | undefined {
  const on = decisionDateOf(now);
  const { holder, term } = gateHolderOn(policy, gate, on, book);
  return holder === 'none' || holder === body
    ? undefined
    : wrongBody(policy, gate, { holder, on, issuedBy: body, source: term?.legalSource });
}
