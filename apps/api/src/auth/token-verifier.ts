import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { unauthenticated } from '../problem/problems';
import type { DevIssuer } from './dev-issuer';
import { principalClaims, principalOf, type Principal } from './principal';

/** Asymmetric algorithms only: a token "signed" with HS256 using a public key (an algorithm swap) or `none` is refused. */
const ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

export interface TrustedIssuers {
  audience: string;
  external?: { issuer: string; jwksUrl: string };
  dev?: DevIssuer;
}

/**
 * Verifies bearer tokens with jose: signature against the key set of the issuer the token names
 * (only configured issuers), exact issuer and audience, expiry against real time. Anything else is
 * 401 AUTH.UNAUTHENTICATED with a short reason (never the token).
 */
export class TokenVerifier {
  private readonly keySets = new Map<string, JWTVerifyGetKey>();

  constructor(private readonly trusted: TrustedIssuers) {
    if (trusted.external) this.keySets.set(trusted.external.issuer, createRemoteJWKSet(new URL(trusted.external.jwksUrl), { cooldownDuration: 30_000 }));
    if (trusted.dev) this.keySets.set(trusted.dev.issuer, createLocalJWKSet(trusted.dev.jwks));
  }

  async verify(token: string): Promise<Principal> {
    let issuer: string | undefined;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw unauthenticated('The bearer token is malformed.');
    }
    const keys = issuer ? this.keySets.get(issuer) : undefined;
    if (!issuer || !keys) throw unauthenticated('The token was not issued by an issuer this API trusts.');
    try {
      const { payload } = await jwtVerify(token, keys, { issuer, audience: this.trusted.audience, algorithms: ALGORITHMS, clockTolerance: 5 });
      const claims = principalClaims.safeParse(payload);
      if (!claims.success) throw unauthenticated(`The token's claims are incomplete: ${claims.error.issues.map((i) => i.message).join('; ')}`);
      return principalOf(claims.data);
    } catch (error) {
      throw error instanceof errors.JOSEError ? unauthenticated(reasonOf(error)) : error;
    }
  }
}

function reasonOf(error: errors.JOSEError): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) return `The token's ${error.claim} claim is not accepted.`;
  if (error instanceof errors.JOSEAlgNotAllowed) return "The token's algorithm is not accepted.";
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return "The token's signature does not verify.";
  return 'The token is not valid.';
}
