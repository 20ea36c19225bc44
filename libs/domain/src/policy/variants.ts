import { BKN_2024 } from './bkn-2024';
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
