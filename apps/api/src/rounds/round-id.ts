import { roundWorkflowId } from '@selter/contracts';
import { z } from 'zod';
import { AGENCY } from '../auth/principal';

/** A round's own id inside its agency (e.g. `2024-01`); lower-case, digits and hyphens. */
export const LOCAL_ROUND_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The public id of a round: its workflow and stream id, `round-<agency>-<roundId>`. */
export interface RoundRef {
  readonly id: string;
  readonly agency: string;
  readonly roundId: string;
}

export const roundRef = (agency: string, roundId: string): RoundRef => ({
  id: roundWorkflowId(agency, roundId),
  agency,
  roundId,
});

/** Parses `round-<agency>-<roundId>`: agencies have no hyphen, so the first one after the prefix splits. */
export const roundIdParam = z
  .string()
  .max(120)
  .transform((value, ctx): RoundRef => {
    const match = /^round-([a-z0-9_]+)-(.+)$/.exec(value);
    if (!match?.[1] || !match[2] || !AGENCY.test(match[1]) || !LOCAL_ROUND_ID.test(match[2])) {
      ctx.addIssue({ code: 'custom', message: 'expected a round id: round-<agency>-<roundId>' });
      return z.NEVER;
    }
    return roundRef(match[1], match[2]);
  });

export const postIdParam = z.string().regex(/^[\w.-]{1,64}$/, 'expected a post id');
