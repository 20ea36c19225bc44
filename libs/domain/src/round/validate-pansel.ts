import type { PanselMember } from './plan-types';
import type { Policy } from '../policy/types';
import { fail } from '../shared/errors';

/** R1 (5-9, odd), R2 (internal share), R3 (no party members) and the overseer-on-pansel policy. */
export function validatePansel(members: readonly PanselMember[], policy: Policy): void {
  const { panselMinSize, panselMaxSize, panselMustBeOdd, panselMaxInternalShare } = policy.numbers;
  const size = members.length;
  if (size < panselMinSize.value || size > panselMaxSize.value) {
    fail(
      'PANSEL.SIZE_OUT_OF_RANGE',
      `Pansel beranggota ${size} orang; harus ${panselMinSize.value}-${panselMaxSize.value} (R1, ${panselMinSize.source})`,
      `Pansel has ${size} members; must have ${panselMinSize.value}-${panselMaxSize.value} (R1, ${panselMinSize.source})`,
      { size, min: panselMinSize.value, max: panselMaxSize.value },
    );
  }
  if (panselMustBeOdd.value && size % 2 === 0) {
    fail(
      'PANSEL.SIZE_NOT_ODD',
      `Jumlah anggota pansel ${size} harus ganjil (R1, ${panselMustBeOdd.source})`,
      `Pansel size ${size} must be odd (R1, ${panselMustBeOdd.source})`,
      { size },
    );
  }
  const internal = members.filter((m) => m.affiliation === 'internal').length;
  if (internal / size > panselMaxInternalShare.value) {
    const pct = Math.round((internal / size) * 100);
    const max = Math.round(panselMaxInternalShare.value * 100);
    fail(
      'PANSEL.INTERNAL_SHARE_EXCEEDED',
      `Anggota internal ${internal} dari ${size} (${pct}%) melebihi batas ${max}% (R2, ${panselMaxInternalShare.source})`,
      `${internal} of ${size} members are internal (${pct}%), above the ${max}% cap (R2, ${panselMaxInternalShare.source})`,
      { internal, size, maxShare: panselMaxInternalShare.value },
    );
  }
  const partyMember = members.find((m) => m.politicalPartyMember);
  if (partyMember) {
    fail(
      'PANSEL.MEMBER_INELIGIBLE',
      `${partyMember.name} adalah anggota/pengurus partai politik (R3, PP 11/2017 Pasal 114 ayat 6)`,
      `${partyMember.name} is a political party member or official (R3, PP 11/2017 Pasal 114(6))`,
      { memberId: partyMember.memberId },
    );
  }
  const overseer = members.find((m) => m.oversightBody);
  if (overseer && !policy.oversightOfficialsMayJoinPansel.value) {
    fail(
      'PANSEL.OVERSIGHT_OFFICIAL_NOT_ALLOWED',
      `${overseer.name} (${overseer.oversightBody}) tidak boleh duduk di pansel menurut kebijakan ${policy.id}`,
      `${overseer.name} (${overseer.oversightBody}) may not sit on a pansel under policy ${policy.id}`,
      {
        memberId: overseer.memberId,
        policyId: policy.id,
        source: policy.oversightOfficialsMayJoinPansel.source,
      },
    );
  }
}
