import { loadConfigOrExit, temporalSecurity } from '@selter/config';
import { exitIfNotDurable, refuseUnsafeDatabase } from '@selter/event-store';
import { createLogger } from '@selter/logging';
import { loadPayloadKeys, selterDataConverter } from '@selter/payload-codec';
import { Runtime, type LogLevel, type LogMetadata } from '@temporalio/worker';
import { wireActivities } from './activities';
import { loadWorkflowBundle } from './bundle';
import { recordFailures } from './record-failures';
import { startSelterWorker } from './worker';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = createLogger({ component: 'worker', level: config.log.level, format: config.log.format });
  const address = config.external.temporalAddress;
  if (!address) {
    log.fatal(
      'TEMPORAL_ADDRESS is required for the worker (npm start sets it when it starts the dev server)',
    );
    process.exit(78);
  }
  const databaseUrl = config.external.databaseUrl;
  if (!databaseUrl) {
    log.fatal('DATABASE_URL is required for the worker: its activities append to the event store');
    process.exit(78);
  }
  // Route the SDK's own logs through our JSON logger. The SDK also shuts the worker down
  // gracefully on SIGINT/SIGTERM (its default shutdownSignals), finishing in-flight tasks.
  Runtime.install({
    logger: {
      log: (level: LogLevel, message: string, meta?: LogMetadata) =>
        log[level === 'TRACE' ? 'trace' : (level.toLowerCase() as 'info')](meta ?? {}, message),
      trace: (m, meta) => log.trace(meta ?? {}, m),
      debug: (m, meta) => log.debug(meta ?? {}, m),
      info: (m, meta) => log.info(meta ?? {}, m),
      warn: (m, meta) => log.warn(meta ?? {}, m),
      error: (m, meta) => log.error(meta ?? {}, m),
    },
  });
  // The event store first: a database that may lose acknowledged appends, or a role that could
  // rewrite the log (production), stops the worker before the slow bundling.
  await refuseUnsafeDatabase(databaseUrl, { production: config.env === 'production', log });
  // The keys that encrypt payloads (ADR 33): a given file that is missing stops the worker here.
  const payloadKeys = await loadPayloadKeys(config.temporal.payloadKeys.file, {
    createIfMissing: config.temporal.payloadKeys.createIfMissing,
  });
  const wired = await wireActivities(databaseUrl).catch((error: unknown) => exitIfNotDurable(error, log));
  const workflowBundle = await loadWorkflowBundle(config.env === 'production');
  const running = await startSelterWorker({
    address,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    workflowBundle,
    activities: wired.activities,
    activityInterceptors: [recordFailures(log)],
    dataConverter: selterDataConverter(payloadKeys),
    security: temporalSecurity(config.temporal),
  });
  log.info({ taskQueue: config.temporal.taskQueue, address }, 'worker polling');
  // SIGTERM: the SDK stops polling and lets in-flight activities finish; only then close the pool.
  await running.run.finally(() => wired.close());
  log.info('worker stopped');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
