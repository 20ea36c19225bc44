import type { components } from '../../api/schema';

// GET /public/agencies/{agency}/rounds, as the API's OpenAPI document declares it.

type Schemas = components['schemas'];

/** One applicant's line in a published ranking: what the announcement shows, no more. */
export type PublishedLine = Schemas['PublishedLine'];

/** A stage's ranking as the pansel published it (R21, PP 11/2017 Pasal 121). */
export type PublishedStage = Schemas['PublishedStage'];

/** An announced or finished round with its posts' published rankings. */
export type PublicRound = Schemas['PublicRound'];

/** A post of a public round. */
export type PublicPost = PublicRound['posts'][number];

/** An agency's public rounds. */
export type PublicAgencyView = Schemas['PublicAgencyRounds'];
