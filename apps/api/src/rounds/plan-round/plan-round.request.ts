import { z } from 'zod';
import { AGENCY } from '../../auth/principal';
import { LOCAL_ROUND_ID } from '../round-id';
import { roundPlan } from '../schemas/plan.schema';

/** POST /rounds: start a round's workflow and plan it. `agency` only for an admin (others plan in their own). */
export const planRoundRequest = z.strictObject({
  roundId: z.string().regex(LOCAL_ROUND_ID, 'expected a round id: lower-case letters, digits and hyphens'),
  agency: z.string().regex(AGENCY).optional(),
  policyId: z
    .string()
    .regex(/^[\w.-]{1,64}$/)
    .optional(),
  plan: roundPlan,
});
export type PlanRoundRequest = z.infer<typeof planRoundRequest>;
