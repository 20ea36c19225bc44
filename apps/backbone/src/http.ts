import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SigningWatch } from './signing-watch';

/**
 * The backbone's own small HTTP server (it had none): `/health`, 503 "degraded" with the reason
 * while checkpoint signing is refused, and `/metrics` in Prometheus text. No business data.
 */
export async function startHttp(
  watch: SigningWatch,
  host: string,
  port: number,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      if (request.url === '/metrics') {
        response.writeHead(200, { 'content-type': watch.registry.contentType });
        response.end(await watch.registry.metrics());
      } else if (request.url === '/health') {
        const alarm = watch.open;
        const body = alarm
          ? {
              status: 'degraded',
              signing: 'refused',
              reason: alarm.reason,
              alarm: {
                id: alarm.id,
                code: alarm.code,
                streamId: alarm.streamId,
                streamVersion: alarm.streamVersion,
                globalPosition: alarm.globalPosition,
                raisedAt: alarm.raisedAt,
              },
            }
          : { status: 'ok', signing: 'ok' };
        response.writeHead(alarm ? 503 : 200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      } else {
        response.writeHead(404, { 'content-type': 'application/problem+json' });
        response.end(
          JSON.stringify({
            type: 'about:blank',
            title: 'Not found',
            status: 404,
            code: 'BACKBONE.NOT_FOUND',
          }),
        );
      }
    })().catch(() => response.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
