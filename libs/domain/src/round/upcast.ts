import type { RoundEvent, RoundEventType } from './events';

/**
 * The schema version each round event type is written at today (the store's `schema_version`,
 * 1 unless an appender says otherwise). No stored round event has another shape yet: since the
 * first commit of `events.ts` the round's events only grew by new types (DecisionReminded,
 * DecisionEscalated, GovernorReplied, DprdLeadershipDecided, AppointeeReleased), and the types
 * their data embeds (plan, applicant, requirement) only gained optional fields. A `Record` over every type makes a new event type a compile error here until it is
 * given its version.
 */
export const ROUND_EVENT_VERSIONS: Readonly<Record<RoundEventType, number>> = {
  RoundPlanned: 1,
  PlanRevised: 1,
  PlanSubmittedForRecommendation: 1,
  PlanRecommended: 1,
  PlanRecommendationRejected: 1,
  MendagriApprovalRecorded: 1,
  RoundAnnounced: 1,
  ApplicantRegistered: 1,
  RegistrationExtended: 1,
  MinimumApplicantsNotReached: 1,
  UnderfilledPostDecided: 1,
  RegistrationClosed: 1,
  AdministrativeVerdictRecorded: 1,
  StageResultsRecorded: 1,
  ApplicantWithdrawn: 1,
  StageResultsPublished: 1,
  StageAmended: 1,
  ShortlistProposed: 1,
  ShortlistReviewed: 1,
  ShortlistAnnounced: 1,
  DprdLeadershipConsulted: 1,
  AppointeeChosen: 1,
  AppointeeReportedToGovernor: 1,
  GovernorReplied: 1,
  DprdLeadershipDecided: 1,
  AppointeeReleased: 1,
  InaugurationRecommended: 1,
  AppointmentDecreed: 1,
  AppointeeInaugurated: 1,
  PostCancelled: 1,
  PostRerunStarted: 1,
  DecisionReminded: 1,
  DecisionEscalated: 1,
  RoundCancelled: 1,
  RoundClosed: 1,
};

/** What the upcaster needs of a stored event: its type, the version its data was written at, the data. */
export interface StoredRoundEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

/** A stored event `S` with its type and data as today's `RoundEvent` (one member per event type). */
export type Upcast<S extends StoredRoundEvent, E extends RoundEvent = RoundEvent> = E extends RoundEvent
  ? Omit<S, 'type' | 'data'> & Pick<E, 'type' | 'data'>
  : never;

/** A stored round event this code cannot read: a version from the future, or no version at all. */
export class EventVersionError extends Error {
  constructor(
    readonly type: string,
    readonly schemaVersion: number,
    readonly known: number | undefined,
  ) {
    super(
      known === undefined
        ? `${type} is not a round event`
        : `${type} is stored at schema version ${schemaVersion}; this code reads up to version ${known}`,
    );
    this.name = 'EventVersionError';
  }
}

/** One lookup per event: a rebuild upcasts every event of the log. */
const VERSIONS: ReadonlyMap<string, number> = new Map(Object.entries(ROUND_EVENT_VERSIONS));

export const isRoundEventType = (type: string): type is RoundEventType => VERSIONS.has(type);

/**
 * A stored round event as today's type, to be called ONCE where a stored row becomes the event a
 * reader folds. Every stored version is today's (see ROUND_EVENT_VERSIONS), so this is the
 * identity (the same object, no copy: it runs for every event of a rebuild) behind a version
 * check: a version it does not know is refused rather than misread. When a shape changes, bump
 * its version above and turn the old data into the new here, one step per version.
 */
export function upcastRoundEvent<S extends StoredRoundEvent>(stored: S): Upcast<S> {
  const event = upcastIfRoundEvent(stored);
  if (event === undefined) throw new EventVersionError(stored.type, stored.schemaVersion, undefined);
  return event;
}

/** `upcastRoundEvent` for a log that holds other streams' events too: those give undefined. */
export function upcastIfRoundEvent<S extends StoredRoundEvent>(stored: S): Upcast<S> | undefined {
  const known = VERSIONS.get(stored.type);
  if (known === undefined) return undefined;
  if (stored.schemaVersion !== known) throw new EventVersionError(stored.type, stored.schemaVersion, known);
  return stored as unknown as Upcast<S>;
}
