import { randomInt } from 'node:crypto';
import { createServer } from 'node:net';

/** Asks the kernel for a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('no port assigned'));
      });
    });
  });
}

/** Resolves true when nothing listens on `port` (so an embedded engine may take it). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.once('error', () => resolveFree(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolveFree(true)));
  });
}

/**
 * A free port below Linux's ephemeral range (32768-60999), for a server that binds long after its
 * port is chosen (Keycloak binds 30-60 s after it starts): outgoing connections on a busy machine
 * take ports from that range and could take a `freePort()` answer in the meantime.
 */
export async function freeServerPort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + randomInt(12_000);
    if (await isPortFree(port)) return port;
  }
  return freePort();
}
