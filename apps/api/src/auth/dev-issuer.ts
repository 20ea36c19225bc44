import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import { DEV_USERS, type DevUser } from './dev-users';

export const DEV_ALG = 'ES256';
export const DEV_TOKEN_SECONDS = 3600;

/**
 * The built-in development issuer (DEV_ISSUER=on): an ES256 key made at boot, its public JWKS,
 * and tokens for the seeded users. For `npm start` and tests; production refuses to enable it.
 */
export class DevIssuer {
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

  /** A signed access token for a seeded user. */
  async tokenFor(user: DevUser): Promise<string> {
    const { sub, ...claims } = user;
    return new SignJWT({ ...claims })
      .setProtectedHeader({ alg: DEV_ALG, kid: this.jwks.keys[0]?.kid ?? '', typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setSubject(sub)
      .setIssuedAt()
      .setExpirationTime(`${DEV_TOKEN_SECONDS}s`)
      .setJti(randomUUID())
      .sign(this.privateKey);
  }
}
