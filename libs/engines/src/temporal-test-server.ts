import { resolve } from 'node:path';
import { Connection, type ConnectionOptions } from '@temporalio/client';
// The SDK's own @temporalio/testing reaches the TestService through this option; it is not re-exported.
import { InternalConnectionOptionsSymbol } from '@temporalio/client/lib/connection';
import { ensureMavenJars, type MavenEngine } from './maven';
import { ManagedProcess } from './process';
import { TEMPORAL_TEST_SERVER_VERSION } from './versions';
import { waitUntil } from './wait';

const ENGINE: MavenEngine = {
  key: `temporal-test-server-${TEMPORAL_TEST_SERVER_VERSION}`,
  title: `Temporal time-skipping test server ${TEMPORAL_TEST_SERVER_VERSION}`,
  pom: resolve(__dirname, '../../../tools/engines/temporal-test-server/pom.xml'),
  minJava: 11,
};

/** The test server's jars, fetched from Maven Central once; undefined when Java or Maven is missing. */
export function ensureTemporalTestServer(cacheDir: string, log: (line: string) => void): string | undefined {
  return ensureMavenJars(ENGINE, cacheDir, log);
}

/** A client connection that can also skip time (`connection.testService`). */
export function connectWithTestService(address: string, connectTimeoutMs = 10_000): Promise<Connection> {
  const options = {
    address,
    connectTimeout: connectTimeoutMs,
    [InternalConnectionOptionsSymbol]: { supportsTestService: true },
  };
  return Connection.connect(options as ConnectionOptions);
}

export interface RunningTemporalTestServer {
  address: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

/**
 * Starts Temporal's time-skipping test server (Java) on a port. We start it ourselves rather than
 * through `TestWorkflowEnvironment`, whose 5 s start-up limit a JVM on a busy 2-core machine misses;
 * tests skip time with the connection's TestService (`unlockTimeSkippingWithSleep`).
 */
export async function startTemporalTestServer(o: {
  libsDir: string;
  port: number;
  logFile: string;
}): Promise<RunningTemporalTestServer> {
  const proc = new ManagedProcess({
    name: 'temporal-test-server',
    command: 'java',
    args: [
      '-XX:TieredStopAtLevel=1',
      '-Xmx384m',
      '-cp',
      `${o.libsDir}/*`,
      'io.temporal.testserver.TestServer',
      String(o.port),
    ],
    logFile: o.logFile,
  });
  const address = `127.0.0.1:${o.port}`;
  await waitUntil(
    'Temporal test server',
    async () => {
      const connection = await connectWithTestService(address, 2_000);
      try {
        if (!connection.testService) throw new Error('no TestService on this connection');
        await connection.testService.getCurrentTime({});
      } finally {
        await connection.close();
      }
    },
    {
      timeoutMs: 60_000,
      intervalMs: 250,
      abortIf: () => (proc.hasExited ? `exited early, see ${o.logFile}` : undefined),
    },
  );
  return { address, process: proc, stop: () => proc.stop('SIGTERM', 10_000) };
}
