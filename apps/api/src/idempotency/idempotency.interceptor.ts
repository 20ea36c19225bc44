import { createHash } from 'node:crypto';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { Principal } from '../auth/principal';
import { ProblemException, toProblem, type ProblemDetails } from '../problem/problem-details.filter';
import { invalidRequest } from '../problem/problems';
import { IdempotencyStore } from './idempotency.store';

const KEY = /^[\x21-\x7e]{1,128}$/;

/**
 * JSON with object keys sorted, so the same body hashes the same whatever its key order. Iterative
 * (an explicit stack of values still to write and text to emit): JSON bodies reach it at most
 * MAX_NESTING deep (refuseUncleanJson runs first), but multipart form fields do not pass there,
 * and a canonicaliser that recursed could overflow the stack on whatever body came next.
 */
export function canonical(root: unknown): string {
  const out: string[] = [];
  const todo: Array<{ value: unknown } | string> = [{ value: root }];
  for (let item = todo.pop(); item !== undefined; item = todo.pop()) {
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    const { value } = item;
    if (Array.isArray(value)) {
      todo.push(']');
      for (let i = value.length - 1; i >= 0; i -= 1)
        todo.push({ value: value[i] as unknown }, ...(i > 0 ? [','] : []));
      out.push('[');
    } else if (value && typeof value === 'object') {
      const keys = Object.keys(value).sort();
      todo.push('}');
      for (let i = keys.length - 1; i >= 0; i -= 1) {
        const key = keys[i] as string;
        todo.push(
          { value: (value as Record<string, unknown>)[key] },
          `${JSON.stringify(key)}:`,
          ...(i > 0 ? [','] : []),
        );
      }
      out.push('{');
    } else {
      out.push(JSON.stringify(value) ?? 'null');
    }
  }
  return out.join('');
}

/** What a request asks for: its JSON body, or an upload's form fields and the sha256 of its file. */
function contentOf(request: Request & { file?: { buffer: Buffer } }): unknown {
  if (!request.file) return request.body;
  return {
    ...(request.body as object | undefined),
    file: createHash('sha256').update(request.file.buffer).digest('hex'),
  };
}

/**
 * `Idempotency-Key` on every POST (ADR 12): scoped per principal, kept 24 h. A retry returns the
 * stored response (header `Idempotent-Replayed: true`); the same key with another body is 422;
 * while the first request runs, a duplicate is 409. Refusals are stored like successes (the
 * same decision would be refused again); outages and bugs free the key for a retry.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || !request.principal || key === undefined) return next.handle();
    if (typeof key !== 'string' || !KEY.test(key))
      throw invalidRequest('Idempotency-Key must be 1-128 visible ASCII characters.');
    const status =
      (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ?? 201;
    const response = context.switchToHttp().getResponse<Response>();
    return from(
      this.run(
        request.principal.id,
        key,
        `${request.method} ${request.path}\n${canonical(contentOf(request))}`,
        status,
        response,
        next,
      ),
    );
  }

  private async run(
    principal: string,
    key: string,
    fingerprint: string,
    status: number,
    response: Response,
    next: CallHandler,
  ): Promise<unknown> {
    const claim = await this.store.claim(
      principal,
      key,
      createHash('sha256').update(fingerprint).digest('hex'),
    );
    switch (claim.kind) {
      case 'mismatch':
        throw new ProblemException({
          status: 422,
          code: 'IDEMPOTENCY.KEY_REUSED',
          detail: 'This Idempotency-Key was used with another request; use a new key for a new request.',
        });
      case 'in-flight':
        throw new ProblemException({
          status: 409,
          code: 'IDEMPOTENCY.IN_PROGRESS',
          detail: 'A request with this Idempotency-Key is still being processed; retry later.',
        });
      case 'replay': {
        response.setHeader('idempotent-replayed', 'true');
        if (claim.status >= 400) {
          const {
            type: _type,
            title,
            instance: _instance,
            requestId: _requestId,
            ...problem
          } = claim.body as ProblemDetails;
          throw new ProblemException({ ...problem, title });
        }
        return claim.body;
      }
      case 'new':
        break;
      default: {
        const exhaustive: never = claim;
        return exhaustive;
      }
    }
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: null });
      await this.store.complete(principal, key, status, body);
      return body;
    } catch (error) {
      const problem = toProblem(error);
      if (problem.status < 500 && problem.status !== 429)
        await this.store.complete(principal, key, problem.status, problem);
      else await this.store.release(principal, key);
      throw error;
    }
  }
}
