import type { Sql } from 'postgres';
import { appendToStream } from './append';
import { Checkpointer, readCheckpoints } from './checkpoint';
import { checkpointsConsistent } from './consistency';
import { SigningRefusedError, type SigningProblem } from './signed-log';
import {
  acknowledgedScope,
  acknowledgeSigningAlarm,
  listSigningAlarms,
  raiseSigningAlarm,
} from './signing-alarms';
import { generateSigner } from './signing';
import { event, freshStore } from './store.test-helper';

/** As a database superuser would, with every trigger off. */
const tamper = (sql: Sql, statement: (tx: Sql) => Promise<unknown>) =>
  sql.begin(async (tx) => {
    await tx`set local session_replication_role = replica`;
    await statement(tx as unknown as Sql);
  });

async function append(sql: Sql, stream: string, count: number): Promise<void> {
  const [row] = await sql<
    Array<{ v: number }>
  >`select coalesce(max(stream_version), 0)::int as v from events where stream_id = ${stream}`;
  const from = row?.v ?? 0;
  await appendToStream(
    sql,
    stream,
    from || 'no_stream',
    Array.from({ length: count }, (_, i) => event('StageResultRecorded', { n: from + i + 1 })),
  );
}

const refusal = async (work: Promise<unknown>): Promise<SigningProblem> => {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof SigningRefusedError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error.problem;
};

const positionOf = async (sql: Sql, stream: string, version: number): Promise<string> =>
  (
    (
      await sql<
        Array<{ p: string }>
      >`select global_position::text as p from events where stream_id = ${stream} and stream_version = ${version}`
    )[0] as { p: string }
  ).p;

describe('the signing rule: a checkpoint only over a log checked against the last one', () => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  let checkpointer: Checkpointer;
  const signer = generateSigner();
  beforeEach(async () => {
    store = await freshStore();
    checkpointer = new Checkpointer(store.sql, signer, undefined, 0);
    await append(store.sql, 'round-a', 16);
    await append(store.sql, 'round-b', 5);
    expect((await checkpointer.pass())?.signed.body.treeSize).toBe(21);
  });
  afterEach(() => store.close());

  it('signs what is new with a consistency proof from the last checkpoint', async () => {
    const first = (await checkpointer.pass())?.signed;
    expect(first).toBeUndefined();
    await append(store.sql, 'round-b', 3);
    await append(store.sql, 'round-c', 2);
    const pass = await checkpointer.pass();
    if (!pass) throw new Error('nothing signed');
    expect(pass.consistency.fromSize).toBe(21);
    const [one] = await readCheckpoints(store.sql);
    expect(one && checkpointsConsistent(one, pass.signed, pass.consistency.proof)).toBe(true);
    expect(pass.signed.body.treeSize).toBe(26);
  });

  it('refuses after a cut tail, naming the stream, the first version gone and the last position signed', async () => {
    const last = await positionOf(store.sql, 'round-a', 16);
    await tamper(
      store.sql,
      (tx) => tx`delete from events where stream_id = 'round-a' and stream_version >= 14`,
    );
    await append(store.sql, 'round-b', 1);
    expect(await refusal(checkpointer.pass())).toMatchObject({
      code: 'TAIL_CUT',
      streamId: 'round-a',
      streamVersion: 14,
      globalPosition: last,
    });
    // Re-appending the cut versions makes a valid-looking chain; the signed heads still tell.
    await append(store.sql, 'round-a', 3);
    expect(await refusal(checkpointer.pass())).toMatchObject({ code: 'TAIL_CUT', streamId: 'round-a' });
    // A backbone started afresh finds it too, by the signed root.
    expect(await refusal(new Checkpointer(store.sql, signer, undefined, 0).pass())).toMatchObject({
      code: 'EVENTS_MISSING',
      checkpointSequence: 1,
    });
  });

  it('refuses after an edit in the middle of a signed stream, naming version and position', async () => {
    const position = await positionOf(store.sql, 'round-a', 7);
    await tamper(
      store.sql,
      (tx) =>
        tx`update events set record = replace(record, '"n":7', '"n":70') where stream_id = 'round-a' and stream_version = 7`,
    );
    // The tampering session's statistics reach the shared counters within a second or so.
    let problem: SigningProblem | undefined;
    for (
      const deadline = Date.now() + 15_000;
      !problem && Date.now() < deadline;
      await new Promise((r) => setTimeout(r, 250))
    ) {
      problem = await checkpointer.pass().then(
        () => undefined,
        (e: unknown) => (e instanceof SigningRefusedError ? e.problem : undefined),
      );
    }
    expect(problem).toMatchObject({
      code: 'HASH_MISMATCH',
      streamId: 'round-a',
      streamVersion: 7,
      globalPosition: position,
    });
    expect(await refusal(new Checkpointer(store.sql, signer, undefined, 0).pass())).toMatchObject({
      code: 'HASH_MISMATCH',
      streamVersion: 7,
    });
  });

  it('signs again after an operator acknowledges, chaining to the last checkpoint without extending its tree', async () => {
    await tamper(
      store.sql,
      (tx) => tx`delete from events where stream_id = 'round-a' and stream_version >= 14`,
    );
    await append(store.sql, 'round-b', 1);
    const problem = await refusal(checkpointer.pass());
    const alarm = await raiseSigningAlarm(store.sql, problem, 1);
    expect(await refusal(checkpointer.pass())).toMatchObject({ code: 'TAIL_CUT' });
    expect(
      await acknowledgeSigningAlarm(store.sql, alarm.id, 'operator-1', 'versions 14-16 lost, see incident 7'),
    ).toBe(true);
    const scope = acknowledgedScope(await listSigningAlarms(store.sql));
    checkpointer.acknowledge(scope.tolerated, scope.breakAfter);
    const pass = await checkpointer.pass();
    expect(pass?.signed.body).toMatchObject({ sequence: 2, treeSize: 19 });
    expect(pass?.consistency).toEqual({ fromSize: 0, proof: [] });
    await append(store.sql, 'round-a', 1);
    expect((await checkpointer.pass())?.consistency.fromSize).toBe(19);
  });
});
