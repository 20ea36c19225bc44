import { BKN_2024, BKN_2025 } from './bkn-2024';
import { KASN_2019, sourced } from './kasn-2019';
import type { Policy, PolicyNumbers } from './types';

const { s } = sourced;

/** Derives a named variant of a policy that differs only in some numbers; chosen explicitly at planning. */
export function derivePolicy(
  base: Policy,
  id: string,
  numbers: Partial<PolicyNumbers>,
  title = base.title,
): Policy {
  return { ...base, id, title, variantOf: base.id, numbers: { ...base.numbers, ...numbers } };
}

/** Regions that accept 3 applicants per post (Manado, Riau reports). */
export const KASN_2019_MIN3 = derivePolicy(KASN_2019, 'kasn-2019-min3', {
  minApplicantsPerPost: s(3, 'R18', 'Some regions accept 3 applicants per post (Manado, Riau)'),
});

/** Pandemic rotation rule: at least 1 year in post (SE MenPANRB 52/2020; Tegal 2021). */
export const KASN_2019_SE52 = derivePolicy(KASN_2019, 'kasn-2019-se52-2020', {
  rotationMinYears: s(1, 'R31', 'SE MenPANRB 52/2020 (pandemic), applied by Tegal 2021'),
});

/** Regions whose JPT practice treats assessment results as valid for 2 years (SIASN FAQ). */
export const BKN_2024_ASSESSMENT_2Y = derivePolicy(BKN_2024, 'bkn-2024-assessment-2y', {
  assessmentValidityYears: s(2, 'R27', 'Some regions apply 2 years (BKN SIASN FAQ)'),
});

/** Regions that read PP 117(2) strictly: the 15 days start the day after the announcement (R4). */
export const BKN_2025_LEAD_DAY_AFTER = derivePolicy(BKN_2025, 'bkn-2025-lead-day-after', {
  announcementLeadConvention: s(
    'day-after',
    'R4',
    'PP 11/2017 Pasal 117(2) read as full days after the announcement day (stricter regional reading)',
  ),
});

/** Regions that read the age limit as "not yet 57" at the reference date (R11, PROCESS.md §7). */
export const BKN_2024_AGE_NOT_YET_57 = derivePolicy(BKN_2024, 'bkn-2024-age-not-yet-57', {
  maxAgeReading: s(
    'not-yet-next-year',
    'R11',
    'PP 11/2017 Pasal 107 huruf c angka 6 read as "belum berusia 57 tahun" (PROCESS.md §7)',
  ),
});
