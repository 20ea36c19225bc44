import type { RecordDecisionsInput } from '@selter/contracts';
import type { RoundEvent } from '@selter/domain';
import { planOfPosts, RoundBuilder, WITHOUT_RECOMMENDATION } from '@selter/domain/testing';
import {
  decisionEventId,
  EVENT_STORE_MIGRATIONS,
  loadMigrations,
  migrate,
  readStream,
} from '@selter/event-store';
import { createTestDatabase } from '@selter/testing';
import postgres, { type Sql } from 'postgres';
import { createRoundActivities } from './round-activities';

/** A round's events up to the administrative verdicts, one applicant lacking the home-PPK recommendation (R7). */
function verifiedRoundEvents(): RoundEvent[] {
  const b = new RoundBuilder(planOfPosts(1)).announce();
  b.register('post-01', 4)
    .register('post-01', 1, () => WITHOUT_RECOMMENDATION)
    .closeAll()
    .verify();
  const workflow = { workflowId: 'round-test-round-1', runId: 'run-1' };
  return b.stream.events.map((e) => ({ ...e, metadata: { ...e.metadata, ...workflow } }) as RoundEvent);
}

describe('round activities over the PostgreSQL event store', () => {
  let sql: Sql;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const db = await createTestDatabase('round_activities');
    sql = postgres(db.url, { max: 2, onnotice: () => undefined });
    await migrate(sql, loadMigrations('event-store', EVENT_STORE_MIGRATIONS));
    drop = db.drop;
  });
  afterAll(async () => {
    await sql.end();
    await drop();
  });

  it('records a batch of decisions once however often the activity is retried, each event under its decision with the audit metadata', async () => {
    const { recordRoundDecisions } = createRoundActivities({ sql });
    const events = verifiedRoundEvents();
    const input: RecordDecisionsInput<RoundEvent> = {
      streamId: 'round-test-round-1',
      expectedVersion: 0,
      decisions: [
        { decisionId: 'update-a', events: events.slice(0, 2) },
        { decisionId: 'update-b', events: events.slice(2) },
      ],
      recordedAt: '2024-09-26T02:00:00.000Z',
    };
    const first = await recordRoundDecisions(input);
    const retry = await recordRoundDecisions(input);
    expect(first).toEqual({ outcome: 'recorded', version: events.length });
    expect(retry).toEqual({ outcome: 'recorded', version: events.length });

    const stored = await readStream(sql, input.streamId);
    expect(stored).toHaveLength(events.length);
    expect(stored.map((e) => e.metadata['decisionId'])).toEqual([
      ...events.slice(0, 2).map(() => 'update-a'),
      ...events.slice(2).map(() => 'update-b'),
    ]);
    expect(stored[0]?.eventId).toBe(decisionEventId(input.streamId, 'update-a', 0));
    const refused = stored.find(
      (e) =>
        e.type === 'AdministrativeVerdictRecorded' &&
        (e.data as { verdict: string }).verdict === 'ineligible',
    );
    expect(refused?.metadata).toMatchObject({
      actor: { id: 'pansel-1', role: 'pansel' },
      role: 'pansel',
      correlationId: 'corr-1',
      ruleIds: ['R7'],
      workflowId: 'round-test-round-1',
      runId: 'run-1',
    });
  });

  it('answers behind with the stored page when another attempt took the version, and re-deciding the same decision finds its own events', async () => {
    const { recordRoundDecisions, readRoundEvents } = createRoundActivities({ sql });
    const events = verifiedRoundEvents();
    const streamId = 'round-test-round-2';
    const at = '2024-09-26T02:00:00.000Z';
    expect(
      await recordRoundDecisions({
        streamId,
        expectedVersion: 0,
        decisions: [{ decisionId: 'plan', events: events.slice(0, 1) }],
        recordedAt: at,
      }),
    ).toEqual({ outcome: 'recorded', version: 1 });
    // A discarded task stored decision "x" at version 2; the retried task decided "y" first.
    expect(
      await recordRoundDecisions({
        streamId,
        expectedVersion: 1,
        decisions: [{ decisionId: 'x', events: events.slice(1, 2) }],
        recordedAt: at,
      }),
    ).toEqual({ outcome: 'recorded', version: 2 });
    const raced = await recordRoundDecisions({
      streamId,
      expectedVersion: 1,
      decisions: [{ decisionId: 'y', events: events.slice(2, 3) }],
      recordedAt: at,
    });
    expect(raced).toEqual({
      outcome: 'behind',
      stored: [
        expect.objectContaining({
          version: 2,
          decisionId: 'x',
          event: expect.objectContaining({ type: events[1]!.type }),
        }),
      ],
    });
    // The same decision "x" decided again with other content (another state) is behind too: never stored twice, never an id reused.
    const again = await recordRoundDecisions({
      streamId,
      expectedVersion: 1,
      decisions: [{ decisionId: 'x', events: events.slice(3, 4) }],
      recordedAt: at,
    });
    expect(again.outcome).toBe('behind');
    // A batch of refusals only confirms the head: behind while the stream is ahead, recorded once it is not.
    expect(
      (await recordRoundDecisions({ streamId, expectedVersion: 1, decisions: [], recordedAt: at })).outcome,
    ).toBe('behind');
    expect(
      await recordRoundDecisions({ streamId, expectedVersion: 2, decisions: [], recordedAt: at }),
    ).toEqual({ outcome: 'recorded', version: 2 });
    expect(
      (await readRoundEvents({ streamId, afterVersion: 0, limit: 10 })).map((e) => [e.version, e.decisionId]),
    ).toEqual([
      [1, 'plan'],
      [2, 'x'],
    ]);
  });

  it('answers stale, storing nothing, for a batch decided before the event it would follow (a zombie attempt), and still dedupes a replayed batch', async () => {
    const { recordRoundDecisions } = createRoundActivities({ sql });
    const events = verifiedRoundEvents();
    const streamId = 'round-test-round-4';
    const [zombieTime, liveTime] = ['2024-09-26T02:00:00.000Z', '2024-09-26T02:00:05.000Z'];
    expect(
      await recordRoundDecisions({
        streamId,
        expectedVersion: 0,
        decisions: [{ decisionId: 'plan', events: events.slice(0, 1) }],
        recordedAt: zombieTime,
      }),
    ).toEqual({ outcome: 'recorded', version: 1 });
    // The live attempt (a later task) stored "x"; the zombie, having folded it, decided "y" on it.
    expect(
      await recordRoundDecisions({
        streamId,
        expectedVersion: 1,
        decisions: [{ decisionId: 'x', events: events.slice(1, 2) }],
        recordedAt: liveTime,
      }),
    ).toEqual({ outcome: 'recorded', version: 2 });
    expect(
      await recordRoundDecisions({
        streamId,
        expectedVersion: 2,
        decisions: [{ decisionId: 'y', events: events.slice(2, 3) }],
        recordedAt: zombieTime,
      }),
    ).toEqual({
      outcome: 'stale',
      recordedAt: zombieTime,
      follows: liveTime,
    });
    expect((await readStream(sql, streamId)).map((e) => e.metadata['decisionId'])).toEqual(['plan', 'x']);
    // The live attempt decides "y" itself; a batch replayed as it was first recorded follows the
    // same event as then, so it is found where it was stored, never stale however far the stream went.
    expect(
      await recordRoundDecisions({
        streamId,
        expectedVersion: 2,
        decisions: [{ decisionId: 'y', events: events.slice(2, 3) }],
        recordedAt: liveTime,
      }),
    ).toEqual({ outcome: 'recorded', version: 3 });
    expect(
      await recordRoundDecisions({
        streamId,
        expectedVersion: 1,
        decisions: [{ decisionId: 'x', events: events.slice(1, 2) }],
        recordedAt: liveTime,
      }),
    ).toEqual({ outcome: 'recorded', version: 2 });
  });

  it('answers rejected, storing nothing, for content PostgreSQL cannot hold (a NUL in jsonb), and throws for a store ending before the expected version', async () => {
    const { recordRoundDecisions } = createRoundActivities({ sql });
    const [planned] = verifiedRoundEvents();
    const streamId = 'round-test-round-3';
    const poisoned = {
      ...planned!,
      data: { ...(planned!.data as object), note: 'Budi\u0000Santoso' },
    } as RoundEvent;
    const result = await recordRoundDecisions({
      streamId,
      expectedVersion: 0,
      decisions: [{ decisionId: 'nul', events: [poisoned] }],
      recordedAt: '2024-09-26T02:00:00.000Z',
    });
    expect(result).toMatchObject({
      outcome: 'rejected',
      code: 'EVENT_STORE.REJECTED',
      sqlState: expect.stringMatching(/^22/),
    });
    expect(await readStream(sql, streamId)).toEqual([]);
    await expect(
      recordRoundDecisions({
        streamId,
        expectedVersion: 5,
        decisions: [{ decisionId: 'late', events: [planned!] }],
        recordedAt: '2024-09-26T02:00:00.000Z',
      }),
    ).rejects.toThrow(/store ends at version 0/);
  });
});
