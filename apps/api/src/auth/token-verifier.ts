import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { ProblemException } from '../problem/problem-details.filter';
import { unauthenticated } from '../problem/problems';
import type { DevIssuer } from './dev-issuer';
import { Introspection, type ActiveCheck } from './introspection';
import { principalClaims, principalOf, type Principal } from './principal';

/** Asymmetric algorithms only: a token "signed" with HS256 using a public key (an algorithm swap) or `none` is refused. */
const ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];
/** RFC 9068 access tokens only: an ID token (`typ: JWT`) with the right audience is refused. */
const ACCESS_TOKEN_TYPE = 'at+jwt';
/** Short-lived tokens: one issued longer ago than this is refused whatever its `exp` says. */
const MAX_TOKEN_AGE = '1h';
/** RFC 8176 `amr` values that are a second factor, and `acr` values that name multi-factor. */
const MFA_AMR = new Set(['mfa', 'otp', 'hwk', 'sc']);
const MFA_ACR = new Set([
  'http://schemas.openid.net/pape/policies/2007/06/multi-factor',
  'urn:selter:acr:mfa',
]);

export interface TrustedIssuers {
  audience: string;
  external?: { issuer: string; jwksUrl: string; introspectionUrl?: string };
  dev?: DevIssuer;
  /** Roles whose tokens must show multi-factor authentication. */
  mfaRoles?: readonly string[];
  introspectionCacheMs?: number;
}

interface Trusted {
  keys: JWTVerifyGetKey;
  active?: ActiveCheck;
}

/**
 * Verifies bearer tokens with jose: signature against the key set of the issuer the token names
 * (only configured issuers), exact issuer and audience, `typ: at+jwt`, expiry and age against real
 * time, MFA for the roles that require it, and revocation through the issuer (ADR 21). Anything
 * else is 401 with a short reason (never the token).
 */
export class TokenVerifier {
  private readonly trustedIssuers = new Map<string, Trusted>();

  constructor(private readonly trusted: TrustedIssuers) {
    const { external, dev } = trusted;
    if (external) {
      const keys = createRemoteJWKSet(new URL(external.jwksUrl), { cooldownDuration: 30_000 });
      const active = external.introspectionUrl
        ? new Introspection(external.introspectionUrl, trusted.introspectionCacheMs ?? 30_000)
        : undefined;
      this.trustedIssuers.set(external.issuer, { keys, ...(active ? { active } : {}) });
    }
    if (dev) this.trustedIssuers.set(dev.issuer, { keys: createLocalJWKSet(dev.jwks), active: dev });
  }

  async verify(token: string): Promise<Principal> {
    let issuer: string | undefined;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw unauthenticated('The bearer token is malformed.');
    }
    const trusted = issuer ? this.trustedIssuers.get(issuer) : undefined;
    if (!issuer || !trusted) throw unauthenticated('The token was not issued by an issuer this API trusts.');
    const payload = await this.verified(token, issuer, trusted.keys);
    const claims = principalClaims.safeParse(payload);
    if (!claims.success)
      throw unauthenticated(
        `The token's claims are incomplete: ${claims.error.issues.map((i) => i.message).join('; ')}`,
      );
    if (this.trusted.mfaRoles?.includes(claims.data.role) && !multiFactor(payload))
      throw mfaRequired(claims.data.role, claims.data.sub);
    if (trusted.active && !(await trusted.active.isActive(token, payload))) {
      throw new ProblemException(
        {
          status: 401,
          code: 'AUTH.TOKEN_REVOKED',
          detail: 'The issuer reports this token as revoked or no longer active.',
        },
        claims.data.sub,
      );
    }
    return principalOf(claims.data);
  }

  private async verified(token: string, issuer: string, keys: JWTVerifyGetKey): Promise<JWTPayload> {
    try {
      const options = {
        issuer,
        audience: this.trusted.audience,
        algorithms: ALGORITHMS,
        typ: ACCESS_TOKEN_TYPE,
        maxTokenAge: MAX_TOKEN_AGE,
        requiredClaims: ['jti'],
        clockTolerance: 5,
      };
      return (await jwtVerify(token, keys, options)).payload;
    } catch (error) {
      throw error instanceof errors.JOSEError ? unauthenticated(reasonOf(error)) : error;
    }
  }
}

function multiFactor(payload: JWTPayload): boolean {
  const amr = Array.isArray(payload['amr']) ? (payload['amr'] as unknown[]) : [];
  return (
    amr.some((m) => typeof m === 'string' && MFA_AMR.has(m)) ||
    (typeof payload['acr'] === 'string' && MFA_ACR.has(payload['acr']))
  );
}

function mfaRequired(role: string, subject: string): ProblemException {
  const detail = `The role ${role} must sign in with multi-factor authentication (amr or acr of the token).`;
  return new ProblemException({ status: 401, code: 'AUTH.MFA_REQUIRED', detail }, subject);
}

function reasonOf(error: errors.JOSEError): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    return error.claim === 'typ'
      ? 'The token is not an access token (typ must be at+jwt).'
      : `The token's ${error.claim} claim is not accepted.`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return "The token's algorithm is not accepted.";
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey)
    return "The token's signature does not verify.";
  return 'The token is not valid.';
}
