import type { JWTPayload } from 'jose';
import { ProblemException } from '../problem/problem-details.filter';

/** Whether the issuer still holds a verified token active (not revoked). */
export interface ActiveCheck {
  isActive(token: string, payload: JWTPayload): Promise<boolean> | boolean;
}

const MAX_ENTRIES = 10_000;

/**
 * RFC 7662 token introspection against the issuer (ADR 21): asked once per token and cache
 * period, so a revoked token stops passing within `cacheMs`. When the issuer does not answer the
 * request is refused with 503 (fail closed), never let through.
 */
export class Introspection implements ActiveCheck {
  private readonly answers = new Map<string, { active: boolean; until: number }>();

  constructor(
    private readonly url: string,
    private readonly cacheMs: number,
  ) {}

  async isActive(token: string, payload: JWTPayload): Promise<boolean> {
    const key = payload.jti ?? token;
    const now = Date.now();
    const known = this.answers.get(key);
    if (known && known.until > now) return known.active;
    const active = await this.ask(token);
    if (this.answers.size >= MAX_ENTRIES)
      for (const [k, v] of this.answers) if (v.until <= now) this.answers.delete(k);
    if (this.answers.size < MAX_ENTRIES)
      this.answers.set(key, { active, until: Math.min(now + this.cacheMs, (payload.exp ?? 0) * 1000) });
    return active;
  }

  private async ask(token: string): Promise<boolean> {
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ token, token_type_hint: 'access_token' }),
        signal: AbortSignal.timeout(3_000),
      });
      if (!response.ok) throw new Error(`introspection answered ${response.status}`);
      return ((await response.json()) as { active?: unknown }).active === true;
    } catch {
      throw new ProblemException({
        status: 503,
        code: 'AUTH.INTROSPECTION_UNAVAILABLE',
        detail: 'The issuer could not confirm the token is still active; retry shortly.',
        retryAfter: 5,
      });
    }
  }
}
