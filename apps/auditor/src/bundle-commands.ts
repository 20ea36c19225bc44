import { readFileSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { foldStream } from '@selter/domain';
import {
  verifyBundle,
  type BundleProblem,
  type BundleVerdict,
  type EvidenceBundle,
} from '@selter/event-store';
import type { Outcome } from './commands';
import { progressBar } from './progress';
import { domainEvent, summarize } from './replay';

export interface BundleCommandOptions {
  /** A key obtained outside the bundle (`--public-key`): the bundle must carry and be signed by it. */
  publicKey?: KeyObject;
  expectedKeyId?: string;
  /** Show the progress bar even when stderr is not a terminal. */
  progress?: boolean;
  format?: 'json' | 'text';
}

export function readBundle(file: string): EvidenceBundle {
  const text = readFileSync(file, 'utf8');
  try {
    return JSON.parse(text) as EvidenceBundle;
  } catch {
    throw new Error(`${file} is not JSON, so not an evidence bundle`);
  }
}

/** Verifies a parsed bundle with the progress bar the command line shows on long work. */
export function verifyWithProgress(bundle: EvidenceBundle, options: BundleCommandOptions): BundleVerdict {
  const bar = progressBar(
    `verifying ${bundle.streamId}`,
    Array.isArray(bundle.events) ? bundle.events.length : 0,
    { forced: options.progress },
  );
  try {
    return verifyBundle(bundle, {
      ...(options.publicKey ? { publicKey: options.publicKey } : {}),
      ...(options.expectedKeyId ? { expectedKeyId: options.expectedKeyId } : {}),
      onProgress: bar.update,
    });
  } finally {
    bar.done();
  }
}

function verdictText(file: string, v: BundleVerdict): string {
  const key = `key ${v.keyId ?? '?'} ${v.keyPinned ? '(pinned)' : "(the bundle's own: compare this fingerprint with the one the service publishes, or pass --public-key)"}`;
  if (v.ok) {
    const cp = v.checkpoint;
    return [
      `${file}: VERIFIED ${v.streamId}`,
      `  ${v.eventsChecked} events, chain intact, head in checkpoint ${cp?.sequence} (tree of ${cp?.treeSize} events, signed ${cp?.createdAt})`,
      `  ${key}`,
    ].join('\n');
  }
  const p = v.problem;
  const place = (q: BundleProblem): string =>
    q.streamVersion
      ? ` at version ${q.streamVersion}${q.globalPosition ? ` (global position ${q.globalPosition})` : ''}`
      : q.checkpointSequence
        ? ` at checkpoint ${q.checkpointSequence}`
        : '';
  const listed = v.problems.map((q) => `  ${q.code}${place(q)}: ${q.reason}`);
  return [
    `${file}: FAILED ${v.streamId}${p ? place(p) : ''}, ${v.problems.length} problem(s):`,
    ...listed,
    `  events checked: ${v.eventsChecked}`,
    `  ${key}`,
  ].join('\n');
}

/** `verify <bundle>`: needs no database, only the file (and, ideally, the key from elsewhere). */
export function verifyBundleFile(file: string, options: BundleCommandOptions = {}): Outcome {
  const verdict = verifyWithProgress(readBundle(file), options);
  return {
    exitCode: verdict.ok ? 0 : 1,
    output: options.format === 'text' ? verdictText(file, verdict) : { file, ...verdict },
  };
}

/**
 * `replay <bundle> --at <version>`: the round's (or rotation's) state right after that event,
 * folded by the domain's evolve. A bundle that fails verification is refused unless `unverified`.
 */
export function replayCommand(
  file: string,
  at: number | undefined,
  options: BundleCommandOptions & { unverified?: boolean } = {},
): Outcome {
  const bundle = readBundle(file);
  const verdict = verifyWithProgress(bundle, options);
  if (!verdict.ok && !options.unverified) {
    return {
      exitCode: 1,
      output:
        options.format === 'text'
          ? `${verdictText(file, verdict)}\nrefused: replay a bundle that fails verification only with --unverified`
          : {
              file,
              refused: 'the bundle fails verification (pass --unverified to replay it anyway)',
              ...verdict,
            },
    };
  }
  const of = bundle.events.length;
  const version = at ?? of;
  if (!Number.isInteger(version) || version < 0 || version > of)
    return { exitCode: 64, output: `--at must be a stream version from 0 to ${of}` };
  const events = bundle.events.slice(0, version).map(domainEvent);
  const folded = foldStream(events);
  const last = bundle.events[version - 1];
  const position = {
    streamVersion: version,
    of,
    ...(last
      ? {
          globalPosition: last.globalPosition,
          type: events[version - 1]?.type,
          recordedAt: events[version - 1]?.recordedAt,
        }
      : {}),
  };
  const verified = verdict.ok ? { verified: true } : { verified: false, problem: verdict.problem };
  if (options.format !== 'text')
    return {
      exitCode: 0,
      output: {
        streamId: bundle.streamId,
        kind: folded.kind,
        at: position,
        ...verified,
        state: folded.state,
      },
    };
  const heading = `${bundle.streamId} at version ${version} of ${of}${last ? ` (global position ${last.globalPosition}, ${position.type} at ${position.recordedAt})` : ''}`;
  const warning = verdict.ok
    ? []
    : [
        `UNVERIFIED: ${verdict.problem?.code} at version ${verdict.problem?.streamVersion ?? '?'}: ${verdict.problem?.reason}`,
      ];
  return { exitCode: 0, output: [heading, ...warning, ...summarize(folded)].join('\n') };
}
