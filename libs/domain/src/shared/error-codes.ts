import type { RuleId } from './rule-id';

/** How the API should treat a refusal: 400 / 404 / 409 / 403 / 422 in its one mapping table. */
export type ErrorKind = 'invalid' | 'not-found' | 'conflict' | 'forbidden' | 'rule-violation';

export interface ErrorCodeEntry {
  readonly kind: ErrorKind;
  readonly ruleId?: RuleId;
}

const rule = (ruleId: RuleId): ErrorCodeEntry => ({ kind: 'rule-violation', ruleId });
const invalid: ErrorCodeEntry = { kind: 'invalid' };
const conflict: ErrorCodeEntry = { kind: 'conflict' };
const notFound: ErrorCodeEntry = { kind: 'not-found' };
const forbidden: ErrorCodeEntry = { kind: 'forbidden' };

/** Every stable error code the domain can raise; the API maps `kind` to HTTP in one place. */
export const ERROR_CODES = {
  'COMMAND.UNKNOWN': invalid,
  'COMMAND.INVALID': invalid,
  'COMMAND.INVALID_TEXT': invalid,
  'TIME.INVALID': invalid,
  'CALENDAR.YEAR_MISSING': conflict,
  'CALENDAR.INVALID': invalid,
  'CALENDAR.LEGAL_BASIS_REQUIRED': invalid,
  'CALENDAR.ZONE_UNKNOWN': invalid,
  'CALENDAR.HOLIDAY_UNKNOWN': notFound,
  'REASON.REQUIRED': invalid,
  'POLICY.UNKNOWN': notFound,
  'POLICY.NOT_IN_FORCE': invalid,
  'ROUND.ALREADY_PLANNED': conflict,
  'ROUND.NOT_PLANNED': notFound,
  'ROUND.WRONG_STATUS': conflict,
  'ROUND.RULES_FROZEN': conflict,
  'ROUND.ANNOUNCEMENT_LEAD_TOO_SHORT': rule('R4'),
  'ROUND.ANNOUNCEMENT_REACH_TOO_NARROW': rule('R5'),
  'ROUND.ANNOUNCEMENT_INCOMPLETE': rule('R6'),
  'ROUND.REGISTRATION_CLOSED': conflict,
  'ROUND.REGISTRATION_STILL_OPEN': conflict,
  'ROUND.ELECTION_WINDOW_APPROVAL_MISSING': rule('R29'),
  'PLAN.INVALID': invalid,
  'PLAN.STAGE_CATALOGUE_INVALID': invalid,
  'PLAN.MANDATORY_STAGE_MISSING': rule('R20'),
  'PANSEL.SIZE_OUT_OF_RANGE': rule('R1'),
  'PANSEL.SIZE_NOT_ODD': rule('R1'),
  'PANSEL.INTERNAL_SHARE_EXCEEDED': rule('R2'),
  'PANSEL.MEMBER_INELIGIBLE': rule('R3'),
  'PANSEL.OVERSIGHT_OFFICIAL_NOT_ALLOWED': invalid,
  'POST.UNKNOWN': notFound,
  'POST.WRONG_STATUS': conflict,
  'POST.REPLACEMENT_LOCKED': rule('R28'),
  'POST.BELOW_MINIMUM_APPLICANTS': rule('R18'),
  'POST.EXTENSION_NOT_NEEDED': rule('R18'),
  'POST.EXTENSION_LIMIT_REACHED': rule('R19'),
  'POST.NOT_A_FINALIST': rule('R23'),
  'POST.GOVERNOR_REQUEST_MISSING': rule('R24'),
  'POST.GOVERNOR_AGREEMENT_MISSING': rule('R24'),
  'POST.NOT_JPT_PRATAMA': rule('R24'),
  'PLAN.ASSESSMENT_PROVIDER_NOT_ACCREDITED': rule('R12'),
  'POST.DPRD_APPROVAL_MISSING': rule('R25'),
  'POST.GATE_NOT_APPLICABLE': conflict,
  'POST.ALREADY_INAUGURATED': conflict,
  'APPLICANT.UNKNOWN': notFound,
  'APPLICANT.DUPLICATE': conflict,
  'APPLICANT.TOO_MANY_POSTS': invalid,
  'APPLICANT.NOT_PROCEEDING': conflict,
  'APPLICANT.ALREADY_WITHDRAWN': conflict,
  'APPLICANT.ALREADY_VERIFIED': conflict,
  'APPLICANT.RETIREMENT_AGE_REACHED': rule('R33'),
  'STAGE.UNKNOWN': notFound,
  'STAGE.NOT_CURRENT': rule('R21'),
  'STAGE.RESULTS_INCOMPLETE': rule('R21'),
  'STAGE.ALREADY_PUBLISHED': conflict,
  'STAGE.RESULT_DUPLICATE': conflict,
  'STAGE.SCORE_OUT_OF_RANGE': invalid,
  'STAGE.ALREADY_HAS_RESULTS': conflict,
  'ASSESSMENT.EXPIRED': rule('R27'),
  'SHORTLIST.TOO_LONG': rule('R22'),
  'SHORTLIST.NOT_BEST_SCORES': rule('R22'),
  'SHORTLIST.TOO_SHORT': rule('R22'),
  'SHORTLIST.INCOMPLETE_STAGES': rule('R20'),
  'SHORTLIST.NOT_QUALIFIED': rule('R22'),
  'SHORTLIST.REVIEW_REQUIRED': conflict,
  'GATE.WRONG_AUTHORITY': forbidden,
  'GATE.NOT_IN_POLICY': conflict,
  'GATE.APPROVAL_MISSING': conflict,
  'OATH.WITNESSES_INVALID': rule('R26'),
  'DEADLINE.NOT_DUE': conflict,
  'DECISION.NOT_AWAITED': conflict,
  'ROTATION.ALREADY_PLANNED': conflict,
  'ROTATION.NOT_PLANNED': notFound,
  'ROTATION.WRONG_STATUS': conflict,
  'ROTATION.NOT_ELIGIBLE': rule('R31'),
  'ROTATION.UNKNOWN_OFFICIAL': notFound,
  'ROTATION.UNKNOWN_POST': notFound,
  'ROTATION.NOT_TESTED': conflict,
  'ROTATION.MAPPING_INVALID': invalid,
} as const satisfies Record<string, ErrorCodeEntry>;

export type ErrorCode = keyof typeof ERROR_CODES;
