import type { RoundState } from '@selter/domain';
import type { components } from '../../api/schema';

// The audit endpoints' bodies, as the API's OpenAPI document declares them.

type Schemas = components['schemas'];

/** GET /rounds/{roundId}/audit/verification: the chain and the signed checkpoint, checked by the API. */
export type RoundVerification = Schemas['RoundVerification'];

/** The event a state was folded up to. */
export type AuditedEvent = Schemas['AuditedEvent'];

/**
 * GET /rounds/{roundId}/audit/state?at=N: the domain's RoundState after event N. The document
 * leaves `state` open (status and version, then whatever the domain folds), so the console reads it
 * as the domain's own type.
 */
export type RoundStateAt = Omit<Schemas['RoundStateAt'], 'state'> & { state: RoundState };
