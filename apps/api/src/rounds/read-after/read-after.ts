import {
  applyDecorators,
  Injectable,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { z } from 'zod';
import { RoundAccess } from '../../access/round-access';
import type { Principal } from '../../auth/principal';
import { ProblemException } from '../../problem/problem-details.filter';
import { invalidRequest, unauthenticated } from '../../problem/problems';
import { problemResponse } from '../openapi';
import { roundIdParam, type RoundRef } from '../round-id';
import { ProjectionWatermark, READ_AFTER_MAX_WAITERS, READ_AFTER_WAIT_MS } from './projection-watermark';

/** Seconds a caller should wait before asking again when the read models had not caught up. */
export const READ_AFTER_RETRY_SECONDS = 1;

const version = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** The query parameters of read-your-writes, for the strict query schemas of read endpoints. */
export const readAfterParams = {
  minVersion: version.optional(),
  minVersionRound: z.string().max(120).optional(),
};

interface ReadRequest {
  readonly principal?: Principal;
  readonly params: Record<string, string | undefined>;
  readonly query: Record<string, unknown>;
}

/**
 * `?minVersion=<n>` on a read endpoint (ADR 23): answers only once the round read models have
 * projected version n of the round's stream (a decision's response carries it as `version`),
 * waiting READ_AFTER_WAIT_MS at most. Not by then: 409 READ.NOT_YET_PROJECTED with the projected
 * version and Retry-After. Too many reads waiting already: 503 READ.BUSY with Retry-After. The
 * round is the path's `roundId`, or `minVersionRound` on routes that span rounds. The caller
 * must be signed in (public routes too) and may read the round, checked before it waits.
 */
@Injectable()
export class ReadAfterInterceptor implements NestInterceptor {
  constructor(
    private readonly watermark: ProjectionWatermark,
    private readonly access: RoundAccess,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<ReadRequest>();
    const raw = request.query['minVersion'];
    if (raw === undefined) return next.handle();
    const min = version.safeParse(raw);
    if (!min.success)
      throw invalidRequest('minVersion must be a stream version (an integer from 1).', [
        { path: 'minVersion', message: 'expected an integer >= 1' },
      ]);
    const round = this.roundOf(request);
    // On a public route too: the wait would tell anyone how far a round not yet announced has come.
    if (!request.principal)
      throw unauthenticated('minVersion needs a signed-in caller who may read the round.');
    await this.access.assertRead(request.principal, round);
    const outcome = await this.watermark.waitFor(round.id, min.data);
    if (outcome.reached === 'busy') {
      throw new ProblemException({
        status: 503,
        code: 'READ.BUSY',
        detail: `${READ_AFTER_MAX_WAITERS} reads already wait for the read models; retry later.`,
        retryAfter: READ_AFTER_RETRY_SECONDS,
      });
    }
    if (!outcome.reached) {
      throw new ProblemException({
        status: 409,
        code: 'READ.NOT_YET_PROJECTED',
        detail: `${round.id} is projected up to version ${outcome.projectedVersion}, not yet ${min.data} (waited ${READ_AFTER_WAIT_MS} ms).`,
        details: { roundId: round.id, minVersion: min.data, projectedVersion: outcome.projectedVersion },
        retryAfter: READ_AFTER_RETRY_SECONDS,
      });
    }
    return next.handle();
  }

  private roundOf(request: ReadRequest): RoundRef {
    const inPath = request.params['roundId'];
    const given = inPath ?? request.query['minVersionRound'];
    const parsed = roundIdParam.safeParse(given);
    if (!parsed.success) {
      if (inPath !== undefined)
        throw invalidRequest('Not a round id.', [
          { path: 'roundId', message: 'expected a round id: round-<agency>-<roundId>' },
        ]);
      throw invalidRequest('minVersion on this route needs minVersionRound: the round whose version it is.', [
        { path: 'minVersionRound', message: 'expected a round id: round-<agency>-<roundId>' },
      ]);
    }
    const agency = request.params['agency'];
    if (agency !== undefined && parsed.data.agency !== agency) {
      throw invalidRequest(`${parsed.data.id} is not a round of ${agency}.`, [
        { path: 'minVersionRound', message: `expected a round of ${agency}` },
      ]);
    }
    return parsed.data;
  }
}

const MIN_VERSION_DOC = `Read your writes: answer only once the read models have projected this version of the round's stream (a decision's \`version\`); waits ${READ_AFTER_WAIT_MS} ms at most, then 409 READ.NOT_YET_PROJECTED. Needs a signed-in caller who may read the round (public routes too: 401 without).`;

/** Read-your-writes on a read endpoint: the interceptor and its OpenAPI parameters and answers. `roundInPath`: the route has `:roundId`. */
export const ReadsAfterWrite = (roundInPath: boolean): MethodDecorator =>
  applyDecorators(
    UseInterceptors(ReadAfterInterceptor),
    ApiQuery({
      name: 'minVersion',
      required: false,
      schema: { type: 'integer', minimum: 1 },
      description: MIN_VERSION_DOC,
    }),
    ...(roundInPath
      ? []
      : [
          ApiQuery({
            name: 'minVersionRound',
            required: false,
            schema: { type: 'string' },
            description:
              'The round whose stream version `minVersion` names (required with it on this route).',
          }),
        ]),
    problemResponse(
      409,
      `READ.NOT_YET_PROJECTED: minVersion not projected within ${READ_AFTER_WAIT_MS} ms; details.projectedVersion, Retry-After`,
    ),
    problemResponse(503, `READ.BUSY: ${READ_AFTER_MAX_WAITERS} reads already wait; Retry-After`),
  );
