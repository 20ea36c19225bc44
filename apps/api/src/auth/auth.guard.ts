import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerStorage } from '@nestjs/throttler';
import type { Config } from '@selter/config';
import type { Request, Response } from 'express';
import { CONFIG } from '../infrastructure/tokens';
import { ProblemException } from '../problem/problem-details.filter';
import { unauthenticated } from '../problem/problems';
import { IS_PUBLIC } from './public.decorator';
import type { Principal } from './principal';
import { TokenVerifier } from './token-verifier';

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
/** RFC 7235: the scheme is case-insensitive (`bearer` too). */
const BEARER = /^Bearer +([\w-]+\.[\w-]*\.[\w-]*)$/i;
const MINUTE_MS = 60_000;

type AuthRequest = Request & { principal?: Principal };

/**
 * Every route needs a verified bearer token unless marked @Public() (where a token, if sent and
 * valid, still names the caller, e.g. an operator reading /health details). Requests refused for
 * want of a valid token count against the per-address limit shared by all instances (ADR 21).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Inject(ThrottlerStorage) private readonly counters: ThrottlerStorage,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthRequest>();
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) {
      if (token) request.principal = await this.verifier.verify(token).catch(() => undefined);
      return true;
    }
    try {
      if (!token) throw unauthenticated('A bearer token is required (Authorization: Bearer <token>).');
      request.principal = await this.verifier.verify(token);
    } catch (error) {
      await this.countAnonymous(request, error);
      throw error;
    }
    // Authenticated answers (NIP lists, plans) must not stay in any cache.
    context.switchToHttp().getResponse<Response>().setHeader('cache-control', 'no-store');
    return true;
  }

  private async countAnonymous(request: Request, refusal: unknown): Promise<void> {
    if (!(refusal instanceof ProblemException) || refusal.problem.status !== 401) return;
    const limit = this.config.api.anonRateLimitPerMinute;
    const hit = await this.counters.increment(
      `ip:${request.ip ?? ''}`,
      MINUTE_MS,
      limit,
      MINUTE_MS,
      'unauthenticated',
    );
    if (hit.isBlocked) {
      throw new ProblemException({
        status: 429,
        code: 'RATE.LIMITED',
        detail: 'Too many requests without a valid token; retry later.',
        retryAfter: hit.timeToBlockExpire,
      });
    }
  }
}
