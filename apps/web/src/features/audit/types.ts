import type { components } from '../../api/schema';

// The audit endpoints' bodies, as the API's OpenAPI document declares them.

type Schemas = components['schemas'];

/** GET /rounds/{roundId}/audit/verification: the chain and the signed checkpoint, checked by the API. */
export type RoundVerification = Schemas['RoundVerification'];

/** The event a state was folded up to. */
export type AuditedEvent = Schemas['AuditedEvent'];

/**
 * GET /rounds/{roundId}/audit/state?at=N: the round right after event N, as the API's documented,
 * versioned view of its state (RoundStateView), never the domain's internal fold.
 */
export type RoundStateAt = Schemas['RoundStateAt'];

/** The round's state as the API shows it (`viewVersion` names the shape). */
export type RoundStateView = Schemas['RoundStateView'];
export type PostStateView = Schemas['PostStateView'];
export type ApplicantStateView = Schemas['ApplicantStateView'];
export type StageDefinition = Schemas['StageDefinition'];
export type RoundPlan = Schemas['RoundPlan'];
export type PostPlan = RoundPlan['posts'][number];
