import { randomUUID } from 'node:crypto';
import type { RunningKeycloak } from '@selter/engines';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { ApiClient } from './client';
import { AGENCY, journeyPlan, POLICY } from './journey';
import { signInWithPkce } from './oidc-login';
import { startApiStack, type ApiStack } from './stack';
import { startKeycloakBeside } from './test-keycloak';

/** The seeded users' development password (deploy/keycloak/README.md). */
const PASSWORD = 'Selter-Dev-2026';

/**
 * Keycloak as the api's identity provider (ADR 0026): the realm in deploy/keycloak imported into a
 * real Keycloak, users signed in through its login page (Authorization Code with PKCE on the
 * console's client), and the api trusting that realm and no other.
 */
describe('Keycloak as the identity provider', () => {
  let keycloak: RunningKeycloak;
  let stack: ApiStack;
  let api: ApiClient;

  beforeAll(async () => {
    const parts: { keycloak?: RunningKeycloak; beside?: ApiStack } = {};
    try {
      ({ keycloak, beside: stack } = await startKeycloakBeside((trust) => startApiStack(trust), parts));
    } finally {
      if (parts.keycloak) keycloak = parts.keycloak;
      if (parts.beside) stack = parts.beside;
    }
    api = new ApiClient(stack.url);
  }, 240_000);
  afterAll(async () => {
    await stack?.stop();
    await keycloak?.stop();
  });

  it("signs an operator in and the api acts for the token's role and agency", async () => {
    const token = await signInWithPkce(keycloak.issuer(), 'operator.kabcontoh', PASSWORD);
    expect(decodeProtectedHeader(token).typ).toBe('at+jwt');
    expect(decodeJwt(token)).toMatchObject({
      iss: keycloak.issuer(),
      aud: 'selter-api',
      sub: 'operator.kabcontoh',
      role: 'operator',
      agency: AGENCY,
      name: 'BKPSDM Kabupaten Contoh',
    });

    await api.setClock('2024-09-02');
    const localId = `kc-${randomUUID().slice(0, 8)}`;
    const planned = await api.raw('POST', '/rounds', {
      token,
      key: randomUUID(),
      body: { roundId: localId, plan: journeyPlan(), policyId: POLICY },
    });
    expect(planned.status).toBe(201);
    const roundId = `round-${AGENCY}-${localId}`;
    const [first] = await stack.sql<[{ actor: unknown }]>`
      select record_json->'metadata'->'actor' as actor from events where stream_id = ${roundId} order by stream_version limit 1`;
    expect(first?.actor).toMatchObject({ id: 'operator.kabcontoh', role: 'operator' });
    expect((await api.raw('GET', `/rounds/${roundId}`, { token })).status).toBe(200);

    // The agency claim scopes the caller: another agency's PPK, signed in at Keycloak, is refused the round.
    const other = await signInWithPkce(keycloak.issuer(), 'ppk.kotalain', PASSWORD);
    expect(decodeJwt(other)).toMatchObject({ role: 'ppk', agency: 'kotalain' });
    const refused = await api.raw('GET', `/rounds/${roundId}`, { token: other });
    expect({ status: refused.status, code: refused.body['code'] }).toEqual({
      status: 403,
      code: 'AUTH.FORBIDDEN',
    });
  });

  it('carries the oversight body of a liaison', async () => {
    const token = await signInWithPkce(keycloak.issuer(), 'liaison.bkn', PASSWORD);
    expect(decodeJwt(token)).toMatchObject({ sub: 'liaison.bkn', role: 'oversight', oversight_body: 'BKN' });
    expect((await api.raw('GET', '/inbox', { token })).status).toBe(200);
  });

  it("signs in the province's operator and governor with the province as their agency (ADR 30)", async () => {
    const operator = await signInWithPkce(keycloak.issuer(), 'operator.provcontoh', PASSWORD);
    expect(decodeJwt(operator)).toMatchObject({
      role: 'operator',
      agency: 'provcontoh',
      name: 'BKD Provinsi Contoh',
    });
    expect((await api.raw('GET', '/rounds', { token: operator })).status).toBe(200);
    const governor = await signInWithPkce(keycloak.issuer(), 'ppk.provcontoh', PASSWORD);
    expect(decodeJwt(governor)).toMatchObject({ role: 'ppk', agency: 'provcontoh', name: 'Gubernur Contoh' });
    const regency = await signInWithPkce(keycloak.issuer(), 'pansel1.kabpesisir', PASSWORD);
    expect(decodeJwt(regency)).toMatchObject({ role: 'pansel', agency: 'kabpesisir' });
  });

  it('refuses a wrong password at the login page', async () => {
    await expect(signInWithPkce(keycloak.issuer(), 'operator.kabcontoh', 'not-the-password')).rejects.toThrow(
      /refused \(200\)/,
    );
  });

  it("refuses with 401 a token of the same Keycloak's master realm", async () => {
    const res = await fetch(`${keycloak.issuer('master')}/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'admin-cli',
        username: keycloak.admin.username,
        password: keycloak.admin.password,
      }),
    });
    const { access_token: token } = (await res.json()) as { access_token: string };
    expect(decodeJwt(token).iss).toBe(keycloak.issuer('master'));
    const refused = await api.raw('GET', '/inbox', { token });
    expect({ status: refused.status, code: refused.body['code'] }).toEqual({
      status: 401,
      code: 'AUTH.UNAUTHENTICATED',
    });
  });
});
