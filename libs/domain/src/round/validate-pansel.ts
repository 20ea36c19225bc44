import { isInternalMember } from './pansel-employer';
import type { PanselMember, RoundPlan } from './plan-types';
import type { Policy } from '../policy/types';
import { finding, throwFirst, type DomainError } from '../shared/errors';

/** R1 (5-9, odd), R2 (internal share, from each member's employer), R3 (no party members) and the overseer-on-pansel policy. */
export function validatePansel(
  members: readonly PanselMember[],
  policy: Policy,
  agency: RoundPlan['agency'],
): void {
  throwFirst(panselFindings(members, policy, agency));
}

/** Every way the pansel breaks R1-R3 and the overseer policy, in rule order (one per member at fault). */
export function panselFindings(
  members: readonly PanselMember[],
  policy: Policy,
  agency: RoundPlan['agency'],
): DomainError[] {
  const findings: DomainError[] = [];
  const { panselMinSize, panselMaxSize, panselMustBeOdd, panselMaxInternalShare } = policy.numbers;
  const size = members.length;
  if (size < panselMinSize.value || size > panselMaxSize.value) {
    findings.push(
      finding(
        'PANSEL.SIZE_OUT_OF_RANGE',
        `Pansel beranggota ${size} orang; harus ${panselMinSize.value}-${panselMaxSize.value} (R1, ${panselMinSize.source})`,
        `Pansel has ${size} members; must have ${panselMinSize.value}-${panselMaxSize.value} (R1, ${panselMinSize.source})`,
        { size, min: panselMinSize.value, max: panselMaxSize.value },
      ),
    );
  }
  if (panselMustBeOdd.value && size % 2 === 0) {
    findings.push(
      finding(
        'PANSEL.SIZE_NOT_ODD',
        `Jumlah anggota pansel ${size} harus ganjil (R1, ${panselMustBeOdd.source})`,
        `Pansel size ${size} must be odd (R1, ${panselMustBeOdd.source})`,
        { size },
      ),
    );
  }
  const insiders = members.filter((m) => isInternalMember(m, agency));
  const internal = insiders.length;
  if (size > 0 && internal / size > panselMaxInternalShare.value) {
    const pct = Math.round((internal / size) * 100);
    const max = Math.round(panselMaxInternalShare.value * 100);
    findings.push(
      finding(
        'PANSEL.INTERNAL_SHARE_EXCEEDED',
        `Anggota internal ${internal} dari ${size} (${pct}%) melebihi batas ${max}% (R2, ${panselMaxInternalShare.source})`,
        `${internal} of ${size} members are internal (${pct}%), above the ${max}% cap (R2, ${panselMaxInternalShare.source})`,
        {
          internal,
          size,
          maxShare: panselMaxInternalShare.value,
          internalMembers: insiders.map((m) => m.memberId),
          agency: agency.name,
        },
      ),
    );
  }
  for (const partyMember of members.filter((m) => m.politicalPartyMember)) {
    findings.push(
      finding(
        'PANSEL.MEMBER_INELIGIBLE',
        `${partyMember.name} adalah anggota/pengurus partai politik (R3, PP 11/2017 Pasal 114 ayat 6)`,
        `${partyMember.name} is a political party member or official (R3, PP 11/2017 Pasal 114(6))`,
        { memberId: partyMember.memberId },
      ),
    );
  }
  const overseers = policy.oversightOfficialsMayJoinPansel.value
    ? []
    : members.filter((m) => m.oversightBody);
  for (const overseer of overseers) {
    findings.push(
      finding(
        'PANSEL.OVERSIGHT_OFFICIAL_NOT_ALLOWED',
        `${overseer.name} (${overseer.oversightBody}) tidak boleh duduk di pansel menurut kebijakan ${policy.id}`,
        `${overseer.name} (${overseer.oversightBody}) may not sit on a pansel under policy ${policy.id}`,
        {
          memberId: overseer.memberId,
          policyId: policy.id,
          source: policy.oversightOfficialsMayJoinPansel.source,
        },
      ),
    );
  }
  return findings;
}
