import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { CommandMetadata } from '@selter/domain';
import { z } from 'zod';
import type { Principal } from '../auth/principal';
import { nowInstant, type Clock } from '../clock/clock';
import { responseSchema } from '../validation/response-schema';

/** Who sends a command, under which request id (the events' correlation id) and Idempotency-Key. */
export interface CommandContext {
  readonly principal: Principal;
  readonly requestId: string;
  readonly idempotencyKey?: string;
}

export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandContext => {
  const request = ctx
    .switchToHttp()
    .getRequest<{ principal?: Principal; id?: unknown; headers: Record<string, string | undefined> }>();
  if (!request.principal) throw new Error('no principal on an authenticated route');
  const key = request.headers['idempotency-key'];
  return {
    principal: request.principal,
    requestId: String(request.id ?? randomUUID()),
    ...(key ? { idempotencyKey: key } : {}),
  };
});

/** Command metadata: the API's clock, the verified actor and role, the request id as correlation id. */
export const metadataFor = (ctx: CommandContext, clock: Clock): CommandMetadata => ({
  now: nowInstant(clock),
  actor: { id: ctx.principal.id, role: ctx.principal.role },
  correlationId: ctx.requestId,
  commandId: randomUUID(),
});

/** An event a decision recorded, as the domain decided it. */
export const recordedEvent = responseSchema(
  'RecordedEvent',
  z.looseObject({
    type: z.string(),
    data: z.looseObject({}),
    metadata: z.looseObject({}).describe('actor {id, role}, correlationId, causationId, workflowId, runId'),
  }),
);

/** The documented body of DecisionResponse. */
export const decisionResult = responseSchema(
  'DecisionResult',
  z.object({
    roundId: z.string().meta({ example: 'round-kabcontoh-2024-01' }),
    version: z.number().int().describe('The round stream version after the decision'),
    events: z.array(recordedEvent),
  }),
);

/** What an accepted decision answers: the round, its new version and the events the decision recorded (decisionResult). */
export interface DecisionResponse {
  readonly roundId: string;
  readonly version: number;
  readonly events: readonly unknown[];
}
