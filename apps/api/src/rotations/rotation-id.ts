import { rotationWorkflowId } from '@selter/contracts';
import { z } from 'zod';
import { AGENCY } from '../auth/principal';
import { LOCAL_ROUND_ID, type RoundRef } from '../rounds/round-id';

/** A rotation's public id: its workflow and stream id, `rotation-<agency>-<rotationId>`. */
export const rotationRef = (agency: string, rotationId: string): RoundRef => ({
  id: rotationWorkflowId(agency, rotationId),
  agency,
  roundId: rotationId,
});

export const rotationIdParam = z
  .string()
  .max(120)
  .transform((value, ctx): RoundRef => {
    const match = /^rotation-([a-z0-9_]+)-(.+)$/.exec(value);
    if (!match?.[1] || !match[2] || !AGENCY.test(match[1]) || !LOCAL_ROUND_ID.test(match[2])) {
      ctx.addIssue({ code: 'custom', message: 'expected a rotation id: rotation-<agency>-<rotationId>' });
      return z.NEVER;
    }
    return rotationRef(match[1], match[2]);
  });
