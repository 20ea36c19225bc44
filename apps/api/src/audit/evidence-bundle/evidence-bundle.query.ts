import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import type { Principal } from '../../auth/principal';
import type { RoundRef } from '../../rounds/round-id';
import { responseSchema } from '../../validation/response-schema';

const hex = z.string().describe('hex');

/** The event store's evidence bundle (libs/event-store/src/bundle.ts), verifiable offline with `npm run audit -- verify`. */
export const evidenceBundle = responseSchema(
  'EvidenceBundle',
  z.object({
    format: z.enum(['selter-evidence-bundle/1', 'selter-evidence-bundle/2']),
    streamId: z.string(),
    events: z.array(
      z.object({
        streamVersion: z.number().int(),
        globalPosition: z.string(),
        record: z.string().describe('The exact canonical JSON that was hashed'),
        prevHash: hex,
        hash: hex,
      }),
    ),
    checkpoint: z.object({ signedBody: z.string(), signature: z.string().describe('Ed25519, base64') }),
    inclusion: z.object({
      streamVersion: z.number().int().optional(),
      globalPosition: z.string().optional(),
      leafIndex: z.number().int(),
      treeSize: z.number().int(),
      path: z.array(hex),
    }),
    anchors: z
      .array(
        z.object({
          streamVersion: z.number().int(),
          globalPosition: z.string().optional(),
          leafIndex: z.number().int(),
          path: z.array(hex),
        }),
      )
      .optional(),
    publicKeyPem: z.string(),
  }),
);
export type EvidenceBundleBody = z.infer<typeof evidenceBundle>;

/** The code of a round whose last event no checkpoint covers yet (the event store's own). */
export const NOT_CHECKPOINTED = 'EVENT_STORE.STREAM_NOT_CHECKPOINTED';

export class EvidenceBundleQuery extends Query<EvidenceBundleBody> {
  constructor(
    readonly principal: Principal,
    readonly round: RoundRef,
  ) {
    super();
  }
}
