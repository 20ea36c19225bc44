import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRoundActivities } from '@selter/activities';
import {
  roundStateQuery,
  roundWorkflowId,
  type DecisionRefusal,
  type DecisionResult,
} from '@selter/contracts';
import type { RoundCommand } from '@selter/domain';
import { anApplicant, command, nipOf, planOfPosts } from '@selter/domain/testing';
import { ManagedProcess } from '@selter/engines';
import { decisionEventId, readStream, type StoredEvent } from '@selter/event-store';
import { testEndpoints, uniqueName } from '@selter/testing';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure, defaultPayloadConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { DoomedCall, DoomedFault, DoomedReport } from './doomed-worker.test-helper';
import { foldStored, RecordingBuilder, roundHarness, type RoundHarness } from './rounds.test-helper';

/*
 * Issue 13's "one truth for a decision" under the fault that froze rounds before ADR 16: Temporal
 * discards a workflow task after the append it asked for has committed, and the task is decided
 * again, by another worker, in another grouping and with decisions the first attempt never saw.
 *
 * The fault is injected, not hoped for. The first worker is a process of its own
 * (doomed-worker.test-helper.ts: the real workflows and round activities) with a fault around the
 * real `recordRoundDecisions` for the batch holding the marked decision (Update ids are the test's):
 * - it SIGKILLs itself once that batch is committed: the workflow task never completes, so none of
 *   the batch's Update acceptances, local-activity marker or answers reach history;
 * - or it stops itself (SIGSTOP) before recording and wakes up (SIGCONT) once a live worker has
 *   gone on: a zombie attempt, whose local activities still reach the store.
 * Rounds run with a 2 s workflow-task timeout, so Temporal times the task out and schedules it again
 * quickly. While the first worker is gone, different decisions arrive; then a normal worker (in this
 * process) replays the round from history, which knows nothing of what the first one stored.
 * Only a whole process can be stopped this way: an in-process delay would not do, the SDK
 * heartbeats a workflow task while a local activity runs, so the task would never be discarded.
 */

const ROOT = resolve(__dirname, '../../../..');
/** Update ids starting with this mark the batch the doomed worker's fault strikes. */
const MARK = 'doomed-';

function startDoomedWorker(
  h: RoundHarness,
  taskQueue: string,
  dir: string,
  fault: DoomedFault,
): ManagedProcess {
  const bundle = join(dir, 'workflow-bundle.js');
  writeFileSync(bundle, h.bundle.code); // bundled once by the harness: the process starts in about 2 s
  return new ManagedProcess({
    name: `${taskQueue}-doomed`,
    command: process.execPath,
    args: [join(ROOT, 'scripts', 'run.cjs'), join(__dirname, 'doomed-worker.test-helper.ts')],
    env: {
      ...process.env,
      DATABASE_URL: h.databaseUrl,
      TEMPORAL_ADDRESS: h.address,
      TEMPORAL_TASK_QUEUE: taskQueue,
      DOOMED_BUNDLE: bundle,
      DOOMED_MARK: MARK,
      DOOMED_REPORT: join(dir, 'report.json'),
      DOOMED_FAULT: fault,
    },
    cwd: ROOT,
    logFile: join(dir, 'doomed-worker.log'),
  });
}

/** Sends a decision as its Update under an id the test chooses (its correlation id too). */
function decide(handle: WorkflowHandle, updateId: string, cmd: RoundCommand): Promise<DecisionResult> {
  const sent = { ...cmd, metadata: { ...cmd.metadata, correlationId: updateId } } as RoundCommand;
  return handle.executeUpdate<DecisionResult, [RoundCommand]>(cmd.type, { args: [sent], updateId });
}

/** The refusal code an Update failed with (the domain's or the ledger's), else undefined. */
function refusalCode(error: unknown): string | undefined {
  if (!(error instanceof WorkflowUpdateFailedError) || !(error.cause instanceof ApplicationFailure))
    return undefined;
  return (error.cause.details?.[0] as DecisionRefusal | undefined)?.code;
}

/** The outcome of an Update sent now and awaited later (no rejection left unhandled meanwhile). */
function settle<T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> {
  return promise.then(
    (value) => ({ status: 'fulfilled', value }),
    (reason: unknown) => ({ status: 'rejected', reason }),
  );
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms)),
  );
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Waits until `file` exists and `ready` accepts its text; returns the text. */
async function fileWhen(
  file: string,
  ready: (text: string) => boolean,
  ms: number,
  what: string,
): Promise<string> {
  for (const until = Date.now() + ms; Date.now() < until; await sleep(50)) {
    const text = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (text !== undefined && ready(text)) return text;
  }
  throw new Error(`${what} within ${ms} ms`);
}

/** Runs expectations; a failure also shows `dump` (the stored stream, what the zombie did). */
function explained(dump: string, check: () => void): void {
  try {
    check();
  } catch (error) {
    if (error instanceof Error) error.message = `${error.message}\n\n${dump}`;
    throw error;
  }
}

const callsIn = (text: string): DoomedCall[] =>
  text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as DoomedCall);

/** Every value a local-activity marker carries (its result among them), decoded. */
function markerValues(event: temporal.api.history.v1.IHistoryEvent): unknown[] {
  const details = event.markerRecordedEventAttributes?.details ?? {};
  return Object.values(details).flatMap((p) =>
    (p.payloads ?? []).map((payload) => defaultPayloadConverter.fromPayload(payload)),
  );
}

/** A stored event's decision (metadata.decisionId), which every event of a ledger names. */
const decisionOf = (e: StoredEvent): string => String(e.metadata['decisionId']);

/** What an answer and the store must agree on, besides the version: each event's type and data (an answer
 * read back from the store carries the stored audit metadata, a fresh one the domain's). */
const contentOf = (events: readonly { type: string; data: unknown }[]) =>
  events.map(({ type, data }) => ({ type, data }));

describe('a workflow task Temporal discards after the append committed', () => {
  let h: RoundHarness;
  beforeAll(async () => (h = await roundHarness()));
  afterAll(() => h.close());

  it('freezes no round, reuses no event id, and leaves the workflow and the store agreeing decision by decision', async () => {
    const dir = join(testEndpoints().workDir, uniqueName('task-discard'));
    mkdirSync(dir, { recursive: true });
    const taskQueue = uniqueName('discard');
    const doomed = startDoomedWorker(h, taskQueue, dir, 'kill-after-commit');
    const connection = await NativeConnection.connect({ address: h.address });
    try {
      const agency = uniqueName('agency');
      const handle = await h.client.workflow.start('selectionRound', {
        taskQueue,
        workflowId: roundWorkflowId(agency, 'round-1'),
        args: [{ agency, roundId: 'round-1' }],
        workflowTaskTimeout: '2s',
      });
      const streamId = handle.workflowId;
      const b = new RecordingBuilder(planOfPosts(1)).announce();
      const answers = new Map<string, DecisionResult>();
      for (const [i, c] of b.take().entries())
        answers.set(`setup-${i}`, await decide(handle, `setup-${i}`, c));
      let n = 0;
      const register = (applicantId: string, nip = nipOf(n++)) =>
        command(
          'RegisterApplicant',
          { postId: 'post-01', applicantId, applicant: anApplicant(nip) },
          b.day(10),
        );
      const nipOfDecision = (c: RoundCommand | undefined): string =>
        (c as Extract<RoundCommand, { type: 'RegisterApplicant' }>).data.applicant.nip;

      // Sent at once to the doomed worker: whichever batch holds the marked decision is its last.
      // `first-twin` takes first-1's NIP: exactly one of the two may be registered.
      const first = new Map<string, RoundCommand>([
        ['first-1', register('a1')],
        [`${MARK}2`, register('a2')],
        ['first-3', register('a3')],
      ]);
      first.set('first-twin', register('a4', nipOfDecision(first.get('first-1'))));
      const firstSent = [...first].map(([id, c]) => [id, settle(decide(handle, id, c))] as const);

      const exit = await within(
        doomed.waitForExit(),
        30_000,
        `the doomed worker did not kill itself after recording ${MARK}2 (log: ${dir})`,
      );
      expect(exit.signal).toBe('SIGKILL');
      const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as DoomedReport;
      expect(report.decisionIds).toContain(`${MARK}2`);
      // Committed before the kill: the store holds the dead task's batch, history knows nothing of it.
      const committed = await readStream(h.sql, streamId, { afterVersion: report.expectedVersion });
      expect(committed.map(decisionOf)).toEqual(report.decisionIds);
      expect(committed.at(-1)?.streamVersion).toBe(report.version);

      // While no worker runs: other decisions, two of them clashing with what the dead task stored.
      const second = new Map<string, RoundCommand>([
        ['second-1', register('b1')],
        ['second-2', register('b2')],
        ['second-same-nip', register('b3', nipOfDecision(first.get(`${MARK}2`)))],
        ['second-same-id', register(report.decisionIds.includes('first-3') ? 'a3' : 'a2')],
      ]);
      const secondSent = [...second].map(([id, c]) => [id, settle(decide(handle, id, c))] as const);

      const worker = await Worker.create({
        connection,
        taskQueue,
        workflowBundle: h.bundle,
        activities: createRoundActivities({ sql: h.sql }),
      });
      await worker.runUntil(async () => {
        const outcomes = new Map<string, PromiseSettledResult<DecisionResult>>();
        for (const [id, sent] of [...firstSent, ...secondSent]) outcomes.set(id, await sent);
        const refused = new Map<string, string | undefined>();
        for (const [id, o] of outcomes) {
          if (o.status === 'fulfilled') answers.set(id, o.value);
          else refused.set(id, refusalCode(o.reason));
        }

        // Every decision of the dead task's batch is answered with success, and so is everything
        // that does not clash; a clash is refused with the domain's reason, never with a hang or an error.
        for (const id of report.decisionIds) expect(answers.has(id)).toBe(true);
        expect([answers.has('first-1'), answers.has('first-twin')].sort()).toEqual([false, true]);
        expect(refused).toEqual(
          new Map([
            [answers.has('first-1') ? 'first-twin' : 'first-1', 'APPLICANT.DUPLICATE'],
            ['second-same-nip', 'APPLICANT.DUPLICATE'],
            ['second-same-id', 'APPLICANT.DUPLICATE'],
          ]),
        );

        // The retried task (after the timed-out one) found the store ahead and folded the dead task's batch.
        const history = (await handle.fetchHistory()).events ?? [];
        const timedOut = history.findIndex((e) => e.workflowTaskTimedOutEventAttributes);
        expect(timedOut).toBeGreaterThan(0);
        const firstRecordAfter = history.slice(timedOut).find((e) => e.markerRecordedEventAttributes);
        const behind =
          firstRecordAfter &&
          markerValues(firstRecordAfter).find(
            (v) => (v as { outcome?: string } | null)?.outcome === 'behind',
          );
        // The dead task may have recorded more than its last batch before it died (the first decision of
        // an activation is recorded alone): the page holds them all, that batch at its end, and nothing
        // but the first wave's decisions.
        const storedIds =
          (behind as { stored?: { decisionId?: string }[] } | undefined)?.stored?.map((s) => s.decisionId) ??
          [];
        expect(storedIds.slice(-report.decisionIds.length)).toEqual(report.decisionIds);
        expect(storedIds.filter((id) => !first.has(id ?? ''))).toEqual([]);

        // The marked decision sent again under its Update id: the stored result, not APPLICANT.DUPLICATE.
        const again = await decide(handle, `${MARK}2`, first.get(`${MARK}2`)!);
        expect(again).toEqual(answers.get(`${MARK}2`));
        // And the round takes the next decision as usual.
        const next = await decide(handle, 'after-1', register('c1'));
        answers.set('after-1', next);

        const stored = await readStream(h.sql, streamId);
        const dump = stored
          .map((e) => `${e.streamVersion} ${e.type} ${decisionOf(e)} ${e.eventId}`)
          .join('\n');
        expect(stored.map((e) => e.streamVersion)).toEqual(stored.map((_, i) => i + 1));
        expect(new Set(stored.map((e) => e.eventId)).size).toBe(stored.length);
        expect(next.version).toBe(stored.length);
        // Each stored event names a decision that was answered with success, under the id derived
        // from that decision and the event's index in it (so no id carries two contents), and each
        // successful decision's events are stored once, as its caller was told.
        const byDecision = new Map<string, StoredEvent[]>();
        for (const e of stored) byDecision.set(decisionOf(e), [...(byDecision.get(decisionOf(e)) ?? []), e]);
        explained(dump, () => expect([...byDecision.keys()].sort()).toEqual([...answers.keys()].sort()));
        for (const [id, answer] of answers) {
          const events = byDecision.get(id) ?? [];
          expect({ id, ids: events.map((e) => e.eventId) }).toEqual({
            id,
            ids: events.map((_, i) => decisionEventId(streamId, id, i)),
          });
          expect({ id, content: contentOf(events), version: events.at(-1)?.streamVersion }).toEqual({
            id,
            content: contentOf(answer.events),
            version: answer.version,
          });
        }

        const state = await handle.query(roundStateQuery);
        expect(state).toEqual(await foldStored(h.sql, streamId));
        const registered =
          state.status === 'announced'
            ? (state.posts['post-01']?.applicants ?? []).map((a) => a.applicantId).sort()
            : [];
        expect(registered).toEqual(
          ['a2', 'a3', answers.has('first-1') ? 'a1' : 'a4', 'b1', 'b2', 'c1'].sort(),
        );
      });
    } finally {
      await connection.close();
      await doomed.stop('SIGTERM', 5_000);
    }
  });

  it('stores nothing the live attempt refused when the discarded attempt wakes up later (a zombie worker)', async () => {
    // The variant without a kill: the first worker stops (SIGSTOP) just before it records a batch,
    // as a long GC pause, a suspended VM or a network partition from Temporal (not from PostgreSQL)
    // would. Temporal times its task out and a live worker decides the same Updates again, plus a
    // new one; only then does the stopped worker wake up. Its task is gone, but until the SDK learns
    // so, its workflow code and local activities run on: its batch finds the store `behind`, it
    // folds what the live attempt stored and decides the rest again, on a newer state than the one
    // the live attempt refused them on. Nothing it decides then may reach the store.
    const dir = join(testEndpoints().workDir, uniqueName('task-zombie'));
    mkdirSync(dir, { recursive: true });
    const taskQueue = uniqueName('zombie');
    const zombie = startDoomedWorker(h, taskQueue, dir, 'freeze-before-commit');
    const connection = await NativeConnection.connect({ address: h.address });
    try {
      const agency = uniqueName('agency');
      const handle = await h.client.workflow.start('selectionRound', {
        taskQueue,
        workflowId: roundWorkflowId(agency, 'round-1'),
        args: [{ agency, roundId: 'round-1' }],
        workflowTaskTimeout: '2s',
      });
      const streamId = handle.workflowId;
      const b = new RecordingBuilder(planOfPosts(1)).announce();
      b.register('post-01', 5).closeAll();
      const answers = new Map<string, DecisionResult>();
      for (const [i, c] of b.take().entries())
        answers.set(`setup-${i}`, await decide(handle, `setup-${i}`, c));
      const verdict = (n: number) =>
        command(
          'RecordAdministrativeVerdict',
          { postId: 'post-01', applicantId: `post-01-a${n}` },
          b.day(24),
          'pansel',
        );
      const publish = command(
        'PublishStageResults',
        { postId: 'post-01', stageId: 'admin' },
        b.day(24),
        'pansel',
      );
      for (const n of [1, 2]) answers.set(`verdict-${n}`, await decide(handle, `verdict-${n}`, verdict(n)));

      // While a slow batch records, the publication (it needs all five verdicts) and the fourth
      // verdict (marked: the zombie stops before recording its batch) reach the workflow together.
      const slow = settle(decide(handle, 'slow-verdict-3', verdict(3)));
      await sleep(200);
      const published = settle(decide(handle, 'publish', publish));
      await sleep(50);
      const marked = settle(decide(handle, `${MARK}verdict-4`, verdict(4)));
      const report = JSON.parse(
        await fileWhen(
          join(dir, 'report.json'),
          () => true,
          30_000,
          'the zombie never stopped before its marked batch',
        ),
      ) as DoomedReport;
      expect(report.decisionIds).toEqual([`${MARK}verdict-4`]);
      // While it sleeps: the last verdict, after which the publication would be allowed.
      const last = settle(decide(handle, 'verdict-5', verdict(5)));

      const worker = await Worker.create({
        connection,
        taskQueue,
        workflowBundle: h.bundle,
        activities: createRoundActivities({ sql: h.sql }),
      });
      await worker.runUntil(async () => {
        for (const [id, sent] of [
          ['slow-verdict-3', slow],
          [`${MARK}verdict-4`, marked],
          ['verdict-5', last],
        ] as const) {
          const outcome = await sent;
          expect({ id, status: outcome.status }).toEqual({ id, status: 'fulfilled' });
          if (outcome.status === 'fulfilled') answers.set(id, outcome.value);
        }
        // The live attempt decided the publication before the fifth verdict, and refused it.
        const refusal = await published;
        expect(refusal.status === 'rejected' && refusalCode(refusal.reason)).toBe('STAGE.RESULTS_INCOMPLETE');

        // Wake the zombie; let it record its frozen batch and decide again what that leaves.
        const calls = join(dir, 'report.json.calls');
        const before = existsSync(calls) ? callsIn(readFileSync(calls, 'utf8')).length : 0;
        process.kill(zombie.pid!, 'SIGCONT');
        // Its frozen batch finds the store `behind`; it folds the live attempt's events and decides
        // the publication again, now with five verdicts, and tries to record it: the danger itself.
        // (Were the SDK to stop a zombie before that, this wait fails: the test would prove nothing.)
        const triedAgain = (t: string): boolean =>
          callsIn(t)
            .slice(before)
            .some((c) => c.decisionIds.includes('publish'));
        const zombieCalls = callsIn(
          await fileWhen(calls, triedAgain, 15_000, 'the woken zombie never tried to record the publication'),
        ).slice(before);
        await zombie.stop('SIGKILL', 0);
        expect(zombieCalls[0]).toMatchObject({ decisionIds: report.decisionIds, outcome: 'behind' });

        const stored = await readStream(h.sql, streamId);
        const dump = [
          ...stored.map((e) => `${e.streamVersion} ${e.type} ${decisionOf(e)} ${e.recordedAt}`),
          ...zombieCalls.map((c) => `zombie: ${JSON.stringify(c)}`),
        ].join('\n');
        // Every stored event belongs to a decision answered with success: the refused publication left no trace.
        const [state, folded] = [await handle.query(roundStateQuery), await foldStored(h.sql, streamId)];
        explained(dump, () => {
          expect([...new Set(stored.map(decisionOf))].sort()).toEqual([...answers.keys()].sort());
          expect(state).toEqual(folded);
        });

        // The round goes on: the publication sent again (a new decision) is accepted now, once.
        const again = await decide(handle, 'publish-again', publish);
        expect(again.events.map((e) => e.type)).toEqual(['StageResultsPublished']);
        const after = await readStream(h.sql, streamId);
        expect(after.filter((e) => e.type === 'StageResultsPublished').map(decisionOf)).toEqual([
          'publish-again',
        ]);
        expect(after.map((e) => e.streamVersion)).toEqual(after.map((_, i) => i + 1));
        expect(await handle.query(roundStateQuery)).toEqual(await foldStored(h.sql, streamId));
      });
    } finally {
      await connection.close();
      await zombie.stop('SIGKILL', 0);
    }
  });
});
