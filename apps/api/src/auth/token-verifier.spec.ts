import { SignJWT } from 'jose';
import { ProblemException } from '../problem/problem-details.filter';
import { DevIssuer } from './dev-issuer';
import { DEV_USERS } from './dev-users';
import { TokenVerifier } from './token-verifier';

const ISSUER = 'http://127.0.0.1:1/dev-auth';
const codeOf = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'accepted',
    (e: unknown) => (e instanceof ProblemException ? e.problem.code : String(e)),
  );
const user = (sub: string) => DEV_USERS.find((u) => u.sub === sub) ?? DEV_USERS[0]!;

describe('TokenVerifier with the development issuer (ADR 21)', () => {
  let dev: DevIssuer;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    dev = await DevIssuer.create(ISSUER, 'selter-api');
    verifier = new TokenVerifier({ audience: 'selter-api', dev, mfaRoles: ['ppk', 'admin'] });
  });

  it('accepts the access tokens the dev issuer mints (typ at+jwt) and refuses an ID token with the right audience', async () => {
    const access = await dev.tokenFor(user('ppk.kabcontoh'));
    expect(await codeOf(verifier.verify(access))).toBe('accepted');
    const key = (dev as unknown as { privateKey: CryptoKey }).privateKey;
    const idToken = await new SignJWT({ role: 'auditor' })
      .setProtectedHeader({ alg: 'ES256', kid: dev.jwks.keys[0]?.kid ?? '', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience('selter-api')
      .setSubject('auditor')
      .setIssuedAt()
      .setExpirationTime('5m')
      .setJti('id-1')
      .sign(key);
    expect(await codeOf(verifier.verify(idToken))).toBe('AUTH.UNAUTHENTICATED');
  });

  it('requires MFA for the configured roles only', async () => {
    expect(await codeOf(verifier.verify(await dev.tokenFor(user('ppk.kabcontoh'), false)))).toBe(
      'AUTH.MFA_REQUIRED',
    );
    expect(await codeOf(verifier.verify(await dev.tokenFor(user('auditor'), false)))).toBe('accepted');
  });

  it('refuses a token from the moment the issuer revokes it; its introspection answers inactive', async () => {
    const token = await dev.tokenFor(user('operator.kabcontoh'));
    expect(await dev.introspect(token)).toMatchObject({ active: true, sub: 'operator.kabcontoh' });
    expect(await codeOf(verifier.verify(token))).toBe('accepted');
    await dev.revoke(token);
    expect(await codeOf(verifier.verify(token))).toBe('AUTH.TOKEN_REVOKED');
    expect(await dev.introspect(token)).toEqual({ active: false });
    expect(await codeOf(verifier.verify(await dev.tokenFor(user('operator.kabcontoh'))))).toBe('accepted');
  });
});
