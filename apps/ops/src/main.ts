import { parseArgs } from 'node:util';
import { loadConfigOrExit, temporalSecurity } from '@selter/config';
import { embeddedDatabaseUrl } from '@selter/engines';
import { loadPayloadKeys, rotatePayloadKeys, selterDataConverter } from '@selter/payload-codec';
import { Client, Connection } from '@temporalio/client';
import postgres from 'postgres';
import { findStuckRounds, rebuildRound } from './rounds';
import { signingAlarmsCommand } from './signing-alarms';

const USAGE = `usage: npm run ops -- <command>
  stuck [--agency <code>] [--format json|text]
      list the running rounds that do not take decisions as they should (a workflow task failing again
      and again, a state Query that does not answer, a state ahead of the store), with the reasons
  rebuild <round-workflow-id> --reason "<why>"
      terminate the round's running workflow and start it again from its event stream (ADR 16):
      every stored decision is kept; decisions waiting are sent again by their callers
  signing-alarms [--format json] | signing-alarms ack <alarm-id> --reason "<findings>" --operator <who>
      the backbone's refusals to sign a checkpoint over a broken log (ADR 18), and their acknowledgement
      after investigation (recorded; the backbone then signs the log as it is, the break stays visible)
  payload-keys rotate
      add a fresh key to TEMPORAL_PAYLOAD_KEYS_FILE and make it the one that encrypts Temporal payloads
      (ADR 33); older keys stay to read older histories. Restart the worker, then the api, to use it
Connects to DATABASE_URL and TEMPORAL_ADDRESS (npm start's defaults when unset).`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      reason: { type: 'string' },
      format: { type: 'string' },
      agency: { type: 'string' },
      operator: { type: 'string' },
    },
  });
  const [command, workflowId] = positionals;
  if (command === 'signing-alarms') return signingAlarms(positionals.slice(1), values);
  if (command === 'payload-keys') return payloadKeys(positionals.slice(1));
  if (command !== 'stuck' && command !== 'rebuild') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfigOrExit();
  const databaseUrl =
    config.external.databaseUrl ?? embeddedDatabaseUrl(config.dataDir, config.embeddedPorts.postgres);
  const address = config.external.temporalAddress ?? `127.0.0.1:${config.embeddedPorts.temporal}`;
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => undefined });
  const keys = await loadPayloadKeys(config.temporal.payloadKeys.file, {
    createIfMissing: config.temporal.payloadKeys.createIfMissing,
  });
  const connection = await Connection.connect({ address, ...temporalSecurity(config.temporal) });
  const client = new Client({
    connection,
    namespace: config.temporal.namespace,
    dataConverter: selterDataConverter(keys),
  });
  try {
    if (command === 'stuck') {
      const stuck = await findStuckRounds(client, sql, values.agency ? { agency: values.agency } : {});
      if (values.format === 'json') process.stdout.write(`${JSON.stringify(stuck, null, 2)}\n`);
      else if (stuck.length === 0) process.stdout.write('no stuck rounds\n');
      else
        for (const s of stuck)
          process.stdout.write(
            `${s.workflowId} (run ${s.runId}, store at ${s.storeVersion}): ${s.reasons.join('; ')}\n`,
          );
      return stuck.length === 0 ? 0 : 1;
    }
    if (!workflowId || !values.reason) {
      process.stderr.write(`rebuild needs a round's workflow id and --reason\n${USAGE}\n`);
      return 2;
    }
    const rebuilt = await rebuildRound(client, sql, {
      workflowId,
      taskQueue: config.temporal.taskQueue,
      reason: values.reason,
    });
    process.stdout.write(
      `${workflowId}: rebuilt from the event store at version ${rebuilt.version} (run ${rebuilt.runId}${rebuilt.terminatedRunId ? `, terminated ${rebuilt.terminatedRunId}` : ''})\n`,
    );
    return 0;
  } finally {
    await connection.close();
    await sql.end({ timeout: 5 });
  }
}

/** Rotates the payload key file in place (ADR 33). */
async function payloadKeys(args: string[]): Promise<number> {
  if (args[0] !== 'rotate') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfigOrExit();
  const file = config.temporal.payloadKeys.file;
  const id = await rotatePayloadKeys(file);
  process.stdout.write(`${file}: key ${id} now encrypts new payloads; restart the worker, then the api\n`);
  return 0;
}

/** Needs only the database (no Temporal): the signing alarms live beside the event log. */
async function signingAlarms(
  args: string[],
  values: { reason?: string; operator?: string; format?: string },
): Promise<number> {
  const config = loadConfigOrExit();
  const sql = postgres(
    config.external.databaseUrl ??
      `postgres://postgres:postgres@127.0.0.1:${config.embeddedPorts.postgres}/selter`,
    { max: 1, onnotice: () => undefined },
  );
  try {
    const { code, output } = await signingAlarmsCommand(sql, args, values);
    (code === 2 ? process.stderr : process.stdout).write(`${output}\n`);
    return code;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`ops: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
