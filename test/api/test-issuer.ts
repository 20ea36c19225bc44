import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';

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
 * An OIDC-style issuer the test controls (AUTH_ISSUER + AUTH_JWKS_URL + AUTH_INTROSPECTION_URL of
 * the api under test): it serves its JWKS and RFC 7662 introspection over HTTP, revokes, and mints tokens, including expired and wrong-audience ones, with the
 * trusted key, so each refusal is about the one thing that is wrong.
 */
export class TestIssuer {
  private constructor(
    private readonly server: Server,
    readonly issuer: string,
    readonly jwksUrl: string,
    readonly introspectionUrl: string,
    private readonly revoked: Set<string>,
    private readonly privateKey: KeyLike,
    private readonly kid: string,
  ) {}

  static async start(): Promise<TestIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = randomUUID();
    const jwks = JSON.stringify({
      keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }],
    });
    const revoked = new Set<string>();
    const server = createServer((req, res) => {
      if (req.method !== 'POST')
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const jti = decodeJwt(new URLSearchParams(body).get('token') ?? '').jti ?? '';
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ active: !revoked.has(jti) }));
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return new TestIssuer(
      server,
      `${base}/`,
      `${base}/jwks.json`,
      `${base}/introspect`,
      revoked,
      privateKey,
      kid,
    );
  }

  /** Revokes a token: the issuer's introspection answers `active: false` for it from now on. */
  revoke(token: string): void {
    this.revoked.add(decodeJwt(token).jti ?? '');
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
