import { readFileSync } from 'node:fs';
import { isPortFree, freeServerPort } from './ports';
import { cachedKeycloakHome, keycloakUrls, SELTER_REALM, SELTER_REALM_FILE } from './keycloak';
import { KEYCLOAK_VERSION } from './versions';

describe('Keycloak engine', () => {
  it('names the issuer and key set of a realm from the port alone', () => {
    expect(keycloakUrls(28180)).toEqual({
      url: 'http://127.0.0.1:28180',
      issuer: 'http://127.0.0.1:28180/realms/selter',
      jwksUrl: 'http://127.0.0.1:28180/realms/selter/protocol/openid-connect/certs',
    });
    expect(keycloakUrls(28180, 'master').issuer).toBe('http://127.0.0.1:28180/realms/master');
  });

  it('caches the distribution by version', () => {
    expect(cachedKeycloakHome('/c')).toBe(`/c/keycloak-${KEYCLOAK_VERSION}`);
  });

  it('imports the Selter realm from the repo', () => {
    expect((JSON.parse(readFileSync(SELTER_REALM_FILE, 'utf8')) as { realm: string }).realm).toBe(
      SELTER_REALM,
    );
  });

  it('picks a free port below the ephemeral range', async () => {
    const port = await freeServerPort();
    expect(port).toBeGreaterThanOrEqual(20_000);
    expect(port).toBeLessThan(32_768);
    expect(await isPortFree(port)).toBe(true);
  });
});
