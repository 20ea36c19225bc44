import type { AnyReadModel } from '../table-io';
import { applicantsReadModel } from './applicants/evolve';
import { roundsReadModel } from './rounds/evolve';
import { timelineReadModel } from './timeline/evolve';

export { applicantsReadModel, roundsReadModel, timelineReadModel };
export type { RoundPostRow } from './rounds/row';
export type { RoundSummaryRow } from './rounds/queries';
export type { ApplicantRow } from './applicants/row';
export type { TimelineRow } from './timeline/row';
export { roundPosts, postsInStatus, listRounds } from './rounds/queries';
export { postApplicants } from './applicants/queries';
export { roundTimeline, lastEventAt } from './timeline/queries';
export { ROUND_EVENT_TYPES } from './event-types';

/** Every read model the round workflow and the API use. */
export const ROUND_READ_MODELS: readonly AnyReadModel[] = [
  roundsReadModel,
  applicantsReadModel,
  timelineReadModel,
];
