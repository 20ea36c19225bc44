import type { Incumbent, TenureVerdict } from './types';
import type { Policy } from '../policy/types';
import { ageOn, type IsoDate } from '../shared/time';

const ROTATION_SOURCE = 'PP 11/2017 Pasal 131-132';
const TENURE_SOURCE = 'UU 5/2014 Pasal 117; PP 11/2017 Pasal 133';

/** R31: within [min, max] years in the current post (max inclusive to the day); R33: below retirement age. */
export function rotationIneligibility(
  incumbent: Incumbent,
  today: IsoDate,
  policy: Policy,
): TenureVerdict | null {
  const { rotationMinYears: min, rotationMaxYears: max, retirementAge } = policy.numbers;
  const tenure = ageOn(incumbent.inauguratedOn, today);
  const base = { nip: incumbent.nip, years: tenure.years, days: tenure.days };
  if (ageOn(incumbent.dateOfBirth, today).years >= retirementAge.value) {
    return {
      ...base,
      ruleId: 'R33',
      reason: {
        id: `Telah mencapai batas usia pensiun ${retirementAge.value} tahun (R33, ${retirementAge.source})`,
        en: `Has reached the retirement age of ${retirementAge.value} (R33, ${retirementAge.source})`,
      },
    };
  }
  const tooShort = tenure.years < min.value;
  const tooLong = tenure.years > max.value || (tenure.years === max.value && tenure.days > 0);
  if (!tooShort && !tooLong) return null;
  return {
    ...base,
    ruleId: 'R31',
    reason: {
      id: `Masa jabatan ${tenure.years} tahun ${tenure.days} hari di luar rentang ${min.value}-${max.value} tahun (R31, ${ROTATION_SOURCE}; ${min.source})`,
      en: `Tenure of ${tenure.years} years ${tenure.days} days is outside ${min.value}-${max.value} years (R31, ${ROTATION_SOURCE}; ${min.source})`,
    },
  };
}

/** R30: at or past the tenure limit (5 years): flagged for a decision. */
export function tenureLimitFlag(incumbent: Incumbent, today: IsoDate, policy: Policy): TenureVerdict | null {
  const limit = policy.numbers.tenureLimitYears;
  const tenure = ageOn(incumbent.inauguratedOn, today);
  if (tenure.years < limit.value) return null;
  return {
    nip: incumbent.nip,
    years: tenure.years,
    days: tenure.days,
    ruleId: 'R30',
    reason: {
      id: `Menduduki jabatan ${tenure.years} tahun ${tenure.days} hari; batas ${limit.value} tahun (R30, ${TENURE_SOURCE})`,
      en: `In post for ${tenure.years} years ${tenure.days} days; the limit is ${limit.value} years (R30, ${TENURE_SOURCE})`,
    },
  };
}
