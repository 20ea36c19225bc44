import { randomUUID } from 'node:crypto';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  type JWK,
  type JWTPayload,
  type KeyLike,
} from 'jose';
import type { ActiveCheck } from './introspection';
import { DEV_USERS, type DevUser } from './dev-users';

export const DEV_ALG = 'ES256';
/** Short-lived (ADR 21): the console signs in again after this. */
export const DEV_TOKEN_SECONDS = 900;

/**
 * The built-in development issuer (DEV_ISSUER=on): an ES256 key made at boot, its public JWKS,
 * RFC 9068 access tokens for the seeded users, and their revocation (RFC 7009) and introspection
 * (RFC 7662). For `npm start` and tests; production refuses to enable it.
 */
export class DevIssuer implements ActiveCheck {
  /** Revoked token ids, until their expiry (seconds). */
  private readonly revoked = new Map<string, number>();

  private constructor(
    readonly issuer: string,
    private readonly audience: string,
    private readonly privateKey: KeyLike,
    readonly jwks: { keys: JWK[] },
  ) {}

  static async create(issuer: string, audience: string): Promise<DevIssuer> {
    const { privateKey, publicKey } = await generateKeyPair(DEV_ALG, { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: randomUUID(), alg: DEV_ALG, use: 'sig' };
    return new DevIssuer(issuer, audience, privateKey, { keys: [jwk] });
  }

  user(sub: string): DevUser | undefined {
    return DEV_USERS.find((u) => u.sub === sub);
  }

  /** A signed access token (`typ: at+jwt`) for a seeded user; `mfa` false leaves out the simulated second factor. */
  async tokenFor(user: DevUser, mfa = true): Promise<string> {
    const { sub, ...claims } = user;
    return new SignJWT({ ...claims, amr: mfa ? ['pwd', 'otp'] : ['pwd'], client_id: 'selter-console' })
      .setProtectedHeader({ alg: DEV_ALG, kid: this.jwks.keys[0]?.kid ?? '', typ: 'at+jwt' })
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setSubject(sub)
      .setIssuedAt()
      .setExpirationTime(`${DEV_TOKEN_SECONDS}s`)
      .setJti(randomUUID())
      .sign(this.privateKey);
  }

  /** Revokes a token this issuer minted (RFC 7009: an unknown or malformed token is not an error). */
  async revoke(token: string): Promise<void> {
    const claims = await this.signedHere(token);
    if (claims?.jti) this.revoked.set(claims.jti, claims.exp ?? 0);
    const now = Date.now() / 1000;
    for (const [jti, exp] of this.revoked) if (exp < now) this.revoked.delete(jti);
  }

  isActive(_token: string, payload: JWTPayload): boolean {
    return payload.jti !== undefined && !this.revoked.has(payload.jti);
  }

  /** RFC 7662's answer for a token: active only when signed here, unexpired and not revoked. */
  async introspect(token: string): Promise<{ active: boolean; sub?: string; exp?: number; jti?: string }> {
    const payload = await this.signedHere(token);
    if (!payload || !this.isActive(token, payload)) return { active: false };
    return {
      active: true,
      ...(payload.sub ? { sub: payload.sub } : {}),
      ...(payload.exp ? { exp: payload.exp } : {}),
      ...(payload.jti ? { jti: payload.jti } : {}),
    };
  }

  /** The claims of an unexpired token this issuer signed; undefined for any other. */
  private async signedHere(token: string): Promise<JWTPayload | undefined> {
    try {
      return (await jwtVerify(token, createLocalJWKSet(this.jwks), { issuer: this.issuer })).payload;
    } catch {
      return undefined;
    }
  }
}
