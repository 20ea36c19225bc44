import { readFileSync, writeFileSync } from 'node:fs';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { exportBundle, verifyStore, type SignedCheckpoint, type VerifyReport } from '@selter/event-store';
import type { Sql } from 'postgres';

/** What a command prints and how the process should exit (0 = verified). */
export interface Outcome {
  exitCode: number;
  output: unknown;
}

/**
 * `verify`: the whole store against its stored checkpoints and against copies held outside it
 * (a file of signed checkpoints, and/or those read from the Kafka checkpoint topic).
 */
export async function verifyCommand(
  sql: Sql,
  publicKeys: KeyObject[],
  trustedFile?: string,
  published: SignedCheckpoint[] = [],
): Promise<Outcome> {
  const fromFile = trustedFile ? (JSON.parse(readFileSync(trustedFile, 'utf8')) as SignedCheckpoint[]) : [];
  const report: VerifyReport = await verifyStore(sql, { publicKeys, trusted: [...fromFile, ...published] });
  return { exitCode: report.ok ? 0 : 1, output: report };
}

/** `export <streamId> <file> --key public.pem`: one round's evidence, verifiable offline. */
export async function exportCommand(
  sql: Sql,
  streamId: string,
  file: string,
  publicKey: KeyObject,
): Promise<Outcome> {
  const bundle = await exportBundle(sql, streamId, { publicKey });
  writeFileSync(file, `${JSON.stringify(bundle, null, 2)}\n`);
  return {
    exitCode: 0,
    output: { file, streamId, events: bundle.events.length, treeSize: bundle.inclusion.treeSize },
  };
}

export const readPublicKey = (file: string): KeyObject => createPublicKey(readFileSync(file, 'utf8'));
