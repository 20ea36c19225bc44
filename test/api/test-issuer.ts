import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';

export interface MintOptions {
  issuer?: string;
  audience?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  key?: KeyLike;
  kid?: string;
  /** The `typ` header; access tokens (RFC 9068) by default, `JWT` for an ID token. */
  typ?: string;
}

/**
 * An OIDC-style issuer the test controls (AUTH_ISSUER + AUTH_JWKS_URL of the api under test): it
 * serves its JWKS over HTTP and mints tokens, including expired and wrong-audience ones, with the
 * trusted key, so each refusal is about the one thing that is wrong.
 */
export class TestIssuer {
  private constructor(
    private readonly server: Server,
    readonly issuer: string,
    readonly jwksUrl: string,
    private readonly privateKey: KeyLike,
    private readonly kid: string,
  ) {}

  static async start(): Promise<TestIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = randomUUID();
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] });
    const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return new TestIssuer(server, `${base}/`, `${base}/jwks.json`, privateKey, kid);
  }

  async mint(claims: JWTPayload & { sub: string }, o: MintOptions = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: o.kid ?? this.kid, typ: o.typ ?? 'at+jwt' })
      .setJti(randomUUID())
      .setIssuer(o.issuer ?? this.issuer)
      .setAudience(o.audience ?? 'selter-api')
      .setIssuedAt(now - 60)
      .setExpirationTime(now + (o.expiresIn ?? 600))
      .sign(o.key ?? this.privateKey);
  }

  stop(): Promise<void> {
    return new Promise((done) => this.server.close(() => done()));
  }
}
