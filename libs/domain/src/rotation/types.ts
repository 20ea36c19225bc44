import type { OversightLetter } from '../round/plan-types';
import type { Command, Event } from '../shared/message';
import type { Reason, RuleId } from '../shared/rule-id';
import type { IsoDate, IsoInstant } from '../shared/time';

export interface RotationPost {
  readonly postId: string;
  readonly title: string;
}

export interface Incumbent {
  readonly nip: string;
  readonly name: string;
  readonly postId: string;
  readonly inauguratedOn: IsoDate;
  readonly dateOfBirth: IsoDate;
}

export interface TenureVerdict {
  readonly nip: string;
  readonly years: number;
  readonly days: number;
  readonly ruleId: RuleId;
  readonly reason: Reason;
}

export type RotationTestResult = { readonly nip: string; readonly score: number };
export type Placement = { readonly nip: string; readonly postId: string };

type RotationEvent_<T extends string, D extends object> = Event<
  T,
  D & { rotationId: string; at: IsoInstant }
>;

export type RotationPlanned = RotationEvent_<
  'RotationPlanned',
  {
    policyId: string;
    agency: string;
    posts: readonly RotationPost[];
    incumbents: readonly Incumbent[];
    eligible: readonly string[];
    ineligible: readonly TenureVerdict[];
    /** R30: at or past the tenure limit; a decision (extend, rotate, open selection) is due. */
    tenureLimitReached: readonly TenureVerdict[];
  }
>;
export type RotationRecommended = RotationEvent_<'RotationRecommended', OversightLetter>;
export type RotationRecommendationRejected = RotationEvent_<
  'RotationRecommendationRejected',
  OversightLetter & { reason: string }
>;
export type RotationTestsRecorded = RotationEvent_<
  'RotationTestsRecorded',
  { results: readonly RotationTestResult[]; excused: readonly { nip: string; reason: string }[] }
>;
export type RotationMappingProposed = RotationEvent_<
  'RotationMappingProposed',
  { placements: readonly Placement[]; openSelectionNeeded: readonly string[] }
>;
export type RotationApproved = RotationEvent_<'RotationApproved', OversightLetter>;
export type RotationDecreed = RotationEvent_<
  'RotationDecreed',
  { decreeNumber: string; placements: readonly Placement[] }
>;
export type OpenSelectionRequired = RotationEvent_<
  'OpenSelectionRequired',
  { postId: string; reason: string }
>;

export type RotationEvent =
  | RotationPlanned
  | RotationRecommended
  | RotationRecommendationRejected
  | RotationTestsRecorded
  | RotationMappingProposed
  | RotationApproved
  | RotationDecreed
  | OpenSelectionRequired;

export type PlanRotation = Command<
  'PlanRotation',
  {
    rotationId: string;
    agency: string;
    posts: readonly RotationPost[];
    incumbents: readonly Incumbent[];
    policyId?: string;
  }
>;
export type RecordRotationRecommendation = Command<
  'RecordRotationRecommendation',
  OversightLetter & { decision: 'approved' | 'rejected'; reason?: string }
>;
export type RecordRotationTests = Command<
  'RecordRotationTests',
  { results: readonly RotationTestResult[]; excused?: readonly { nip: string; reason: string }[] }
>;
export type ProposeRotationMapping = Command<
  'ProposeRotationMapping',
  { placements: readonly Placement[]; noSuitableOfficial: readonly string[] }
>;
export type RecordRotationApproval = Command<'RecordRotationApproval', OversightLetter>;
export type IssueRotationDecree = Command<'IssueRotationDecree', { decreeNumber: string }>;

export type RotationCommand =
  | PlanRotation
  | RecordRotationRecommendation
  | RecordRotationTests
  | ProposeRotationMapping
  | RecordRotationApproval
  | IssueRotationDecree;

interface RotationBase {
  readonly version: number;
  readonly rotationId: string;
  readonly policyId: string;
  readonly posts: readonly RotationPost[];
  readonly incumbents: readonly Incumbent[];
  readonly eligible: readonly string[];
  readonly tenureLimitReached: readonly TenureVerdict[];
}

interface Mapping {
  readonly results: readonly RotationTestResult[];
  readonly placements: readonly Placement[];
  readonly openSelectionNeeded: readonly string[];
}

export type RotationState =
  | { readonly status: 'empty'; readonly version: number }
  | (RotationBase & { readonly status: 'planned' })
  | (RotationBase & { readonly status: 'rejected'; readonly reason: string })
  | (RotationBase & { readonly status: 'recommended' })
  | (RotationBase & { readonly status: 'tested'; readonly results: readonly RotationTestResult[] })
  | (RotationBase & Mapping & { readonly status: 'mapped' })
  | (RotationBase & Mapping & { readonly status: 'approved' })
  | (RotationBase & {
      readonly status: 'decreed';
      readonly placements: readonly Placement[];
      readonly openSelectionNeeded: readonly string[];
      readonly decreeNumber: string;
    });

export function initialRotationState(): RotationState {
  return { status: 'empty', version: 0 };
}
