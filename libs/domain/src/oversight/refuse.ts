import type { OversightGate, Policy } from '../policy/types';
import { fail } from '../shared/errors';
import type { IsoDate } from '../shared/time';

/** GATE.WRONG_AUTHORITY naming the holder on the date and the law that puts it there. */
export function refuseWrongBody(
  policy: Policy,
  gate: OversightGate,
  who: { holder: string; on: IsoDate; issuedBy: string | undefined; source: string | undefined },
): never {
  const { holder, on, issuedBy, source } = who;
  const basis = source ?? `kebijakan ${policy.id}`;
  return fail(
    'GATE.WRONG_AUTHORITY',
    `Pada ${on} gerbang ${gate} dipegang ${holder} (${basis}), bukan ${issuedBy ?? '-'}`,
    `On ${on} gate ${gate} is held by ${holder} (${source ?? `policy ${policy.id}`}), not ${issuedBy ?? 'nobody'}`,
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
