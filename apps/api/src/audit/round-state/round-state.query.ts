import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import type { Principal } from '../../auth/principal';
import type { RoundRef } from '../../rounds/round-id';
import { responseSchema } from '../../validation/response-schema';
import { roundStateView } from './round-state.view';

export const auditedEvent = responseSchema(
  'AuditedEvent',
  z.object({
    version: z.number().int(),
    eventId: z.string(),
    type: z.string(),
    at: z.string().describe('When it was recorded'),
    postId: z.string().nullable(),
    actor: z.object({ id: z.string(), role: z.string() }).nullable(),
    reason: z.string().nullable().describe('The reason the event records, where it records one'),
  }),
);

/** The round as it was right after one event, folded by the domain from the stored events. */
export const roundStateAt = responseSchema(
  'RoundStateAt',
  z.object({
    roundId: z.string(),
    at: z.number().int().describe('The stream version folded up to'),
    headVersion: z.number().int(),
    policy: z
      .object({ id: z.string(), title: z.object({ id: z.string(), en: z.string() }).nullable() })
      .nullable()
      .describe('The policy version the round was planned under (it decides the round forever)'),
    event: auditedEvent,
    state: roundStateView,
  }),
);
export type RoundStateAt = z.infer<typeof roundStateAt>;

export class RoundStateQuery extends Query<RoundStateAt> {
  constructor(
    readonly principal: Principal,
    readonly round: RoundRef,
    readonly at: number | undefined,
  ) {
    super();
  }
}
