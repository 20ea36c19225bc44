import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  ensureKeycloak,
  freeServerPort,
  keycloakUrls,
  startKeycloak,
  type RunningKeycloak,
} from '@selter/engines';
import { testEndpoints } from '@selter/testing';

/** The settings that make an api trust the test's Keycloak realm. */
export interface TrustKeycloak extends NodeJS.ProcessEnv {
  AUTH_ISSUER: string;
  AUTH_JWKS_URL: string;
  AUTH_INTROSPECTION_URL: string;
}

/**
 * A Keycloak of the test's own (the realm from deploy/keycloak, ADR 0026), started side by side
 * with what trusts it (the api fetches the key set only when the first token comes). Both are
 * returned, or whatever started is left for the caller's cleanup and the first failure thrown.
 */
export async function startKeycloakBeside<T>(
  beside: (trust: TrustKeycloak) => Promise<T>,
  parts: { keycloak?: RunningKeycloak; beside?: T } = {},
): Promise<{ keycloak: RunningKeycloak; beside: T }> {
  const { cacheDir, workDir } = testEndpoints();
  const home = ensureKeycloak(cacheDir, (line) => process.stderr.write(`[keycloak] ${line}\n`));
  if (!home) throw new Error('Keycloak cannot run here: it needs Java 17+, Maven and unzip (ADR 0026)');
  const dataDir = join(workDir, `keycloak-${randomUUID().slice(0, 8)}`);
  const port = await freeServerPort();
  const { issuer, jwksUrl } = keycloakUrls(port);
  const [started, other] = await Promise.allSettled([
    startKeycloak({ home, dataDir, port, logFile: join(dataDir, 'keycloak.log') }),
    // Keycloak answers introspection only to an authenticated client; the api asks without one.
    beside({ AUTH_ISSUER: issuer, AUTH_JWKS_URL: jwksUrl, AUTH_INTROSPECTION_URL: '' }),
  ]);
  if (started.status === 'fulfilled') parts.keycloak = started.value;
  if (other.status === 'fulfilled') parts.beside = other.value;
  for (const r of [started, other]) if (r.status === 'rejected') throw r.reason;
  return { keycloak: parts.keycloak!, beside: parts.beside! };
}
