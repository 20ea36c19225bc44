import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import type { Principal } from '../../auth/principal';
import type { RoundRef } from '../../rounds/round-id';
import { responseSchema } from '../../validation/response-schema';

export const verificationProblem = responseSchema(
  'VerificationProblem',
  z.object({
    code: z
      .string()
      .describe(
        'HASH_MISMATCH, RECORD_ALTERED, VERSION_GAP, OUT_OF_ORDER, CHAIN_BROKEN, LOG_TRUNCATED, CHECKPOINT_ROOT_MISMATCH, CHECKPOINT_SIGNATURE_INVALID, ...',
      ),
    version: z
      .number()
      .int()
      .nullable()
      .describe('The first stream version the problem concerns (null: the checkpoint itself)'),
    globalPosition: z
      .string()
      .nullable()
      .describe("The event's place in the log (for a deleted or cut event: where the checkpoint signed it)"),
    checkpointSequence: z.number().int().nullable(),
    detail: z.string(),
  }),
);

export type VerificationProblem = z.infer<typeof verificationProblem>;

/** A round's stream checked in the store: its hash chain, and the latest signed checkpoint over what it covers. */
export const roundVerification = responseSchema(
  'RoundVerification',
  z.object({
    roundId: z.string(),
    verified: z
      .boolean()
      .describe(
        'No problem found: every event chains to the one before, and the checkpoint proves the versions it covers',
      ),
    events: z.number().int(),
    headVersion: z.number().int(),
    headHash: z.string().describe('SHA-256 chain hash of the last event, hex'),
    firstBadVersion: z.number().int().nullable(),
    problems: z.array(verificationProblem),
    checkpoint: z
      .object({
        sequence: z.number().int(),
        size: z.number().int().describe('Events in the signed tree'),
        logPosition: z.string().nullable().describe('Global position of the last event the tree covers'),
        signedAt: z.string(),
        keyFingerprint: z.string(),
        coveredVersion: z
          .number()
          .int()
          .describe(
            'The last version of this round the checkpoint proves; later ones are checked by the chain alone',
          ),
        cosignedBy: z
          .array(z.object({ witnessKeyId: z.string(), cosignedAt: z.string() }))
          .describe('Witnesses whose cosignature of this checkpoint is stored (empty: not cosigned yet)'),
      })
      .nullable()
      .describe(
        'The latest signed checkpoint, when it covers the round (null: not yet, one has been requested)',
      ),
    store: z
      .object({
        ok: z.boolean(),
        latestSequence: z.number().int().nullable(),
        provenWith: z
          .number()
          .int()
          .nullable()
          .describe(
            'The checkpoint rounds are proven with: the latest that verifies and whose signed leaves the store still holds',
          ),
        problems: z.array(verificationProblem),
      })
      .describe(
        "The store-wide checkpoint status (a forged checkpoint, an altered copy of signed leaves), reported apart: it never fails this round's verification",
      ),
    checkedAt: z.string(),
  }),
);
export type RoundVerification = z.infer<typeof roundVerification>;

export class VerifyRoundQuery extends Query<RoundVerification> {
  constructor(
    readonly principal: Principal,
    readonly round: RoundRef,
  ) {
    super();
  }
}
