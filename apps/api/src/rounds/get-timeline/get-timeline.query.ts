import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import type { Principal } from '../../auth/principal';
import { responseSchema } from '../../validation/response-schema';
import type { RoundRef } from '../round-id';

export const timelineEntry = responseSchema(
  'TimelineEntry',
  z.object({
    version: z.number().int(),
    eventId: z.string(),
    type: z.string(),
    at: z.string(),
    postId: z.string().nullable(),
    actor: z.object({ id: z.string().nullable(), role: z.string().nullable() }),
    summary: z.string(),
  }),
);
export type TimelineEntry = z.infer<typeof timelineEntry>;

export const timeline = responseSchema(
  'Timeline',
  z.object({ roundId: z.string(), events: z.array(timelineEntry) }),
);
export type Timeline = z.infer<typeof timeline>;

export class GetTimelineQuery extends Query<Timeline> {
  constructor(
    readonly principal: Principal,
    readonly round: RoundRef,
    readonly fromVersion: number,
    readonly limit: number,
  ) {
    super();
  }
}
