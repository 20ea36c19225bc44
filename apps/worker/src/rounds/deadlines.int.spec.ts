import { awaitingQuery, roundStateQuery } from '@selter/contracts';
import { getPolicy, time, type RoundCommand, type RoundEvent, type RoundState } from '@selter/domain';
import { planOfPosts, ROUND_CLOCK_ACTOR, runClock } from '@selter/domain/testing';
import {
  connectWithTestService,
  ensureTemporalTestServer,
  freePort,
  startTemporalTestServer,
  type RunningTemporalTestServer,
} from '@selter/engines';
import { appendToStream, readStream } from '@selter/event-store';
import { testEndpoints } from '@selter/testing';
import type { WorkflowHandle } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  foldStored,
  RecordingBuilder,
  roundHarness,
  sendAll,
  startRound,
  withRoundWorker,
  type RoundHarness,
} from './rounds.test-helper';

// Deadlines of days and weeks, on Temporal's time-skipping test server: the test skips time, the
// workflow's timers fire at their simulated instants, and its clock issues the domain's commands.
const policy = getPolicy('bkn-2024');
const CLOCK_EVENTS = [
  'RegistrationClosed',
  'RegistrationExtended',
  'MinimumApplicantsNotReached',
  'DecisionReminded',
  'DecisionEscalated',
];

let server: RunningTemporalTestServer;
let h: RoundHarness;

beforeAll(async () => {
  const { cacheDir, workDir } = testEndpoints();
  const libsDir = ensureTemporalTestServer(cacheDir, () => undefined);
  if (!libsDir)
    throw new Error('the time-skipping test server needs Java and Maven (npm test installs its jars)');
  server = await startTemporalTestServer({
    libsDir,
    port: await freePort(),
    logFile: join(workDir, 'temporal-test-server.log'),
  });
  h = await roundHarness(server.address, connectWithTestService);
}, 120_000);

afterAll(async () => {
  await h?.close();
  await server?.stop();
});

/** Skips simulated time on the test server; timers due meanwhile fire (and their work runs) on the way. */
async function skip(days: number): Promise<void> {
  await h.connection.testService?.unlockTimeSkippingWithSleep({
    duration: msToTs(Math.round(days * 86_400_000)),
  });
}

/** Waits (without sleeping a fixed time) until the store holds `version` events of the stream. */
async function storedUpTo(streamId: string, version: number): Promise<RoundEvent[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const stored = await readStream(h.sql, streamId);
    if (stored.length >= version)
      return stored.map((e) => ({ type: e.type, data: e.data, metadata: e.metadata }) as RoundEvent);
    if (Date.now() > deadline) throw new Error(`store has ${stored.length} of ${version} events`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The clock's events in the store after `from`, checked against the domain's own run of the clock. */
async function expectClockRan(
  handle: WorkflowHandle,
  before: RoundState,
  from: number,
  until: string,
): Promise<RoundEvent[]> {
  const expected = runClock(before, policy, until).events;
  const state = await handle.query(roundStateQuery);
  const stored = (await storedUpTo(handle.workflowId, state.version)).slice(from);
  expect(stored.map((e) => e.type)).toEqual(expected.map((e) => e.type));
  stored.forEach((event, i) => {
    const want = expected[i];
    expect(event.metadata.actor).toEqual(ROUND_CLOCK_ACTOR);
    expect(CLOCK_EVENTS).toContain(event.type);
    // Each fired at its simulated instant (a workflow task's latency apart at most): instants are
    // compared by drift, everything else exactly.
    const instants = (data: object): Record<string, unknown> =>
      Object.fromEntries(
        Object.entries(data).filter(([, v]) => typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v)),
      );
    const others = (data: object): Record<string, unknown> =>
      Object.fromEntries(Object.entries(data).filter(([k]) => !(k in instants(data))));
    expect(others(event.data)).toEqual(others(want?.data ?? {}));
    const wanted = instants(want?.data ?? {});
    expect(Object.keys(instants(event.data)).sort()).toEqual(Object.keys(wanted).sort());
    for (const [key, value] of Object.entries(instants(event.data))) {
      expect(
        Math.abs(time.instantMillis(String(value)) - time.instantMillis(String(wanted[key]))),
      ).toBeLessThan(60_000);
    }
  });
  expect(await foldStored(h.sql, handle.workflowId)).toEqual(state);
  return stored;
}

/**
 * Runs a test's round on a worker of its own and terminates the round however the test ends: a
 * round left running with no worker would hold the test server's clock for every later test.
 */
async function withRound(fn: (handle: WorkflowHandle) => Promise<void>): Promise<void> {
  await withRoundWorker(h, async (taskQueue) => {
    const handle = await startRound(h, taskQueue);
    try {
      await fn(handle);
    } finally {
      await handle.terminate('test over').catch(() => undefined);
    }
  });
}

/** Commands re-dated to an instant: a person deciding after the simulated wait. */
const datedAt = (commands: readonly RoundCommand[], now: string): RoundCommand[] =>
  commands.map((c) => ({ ...c, metadata: { ...c.metadata, now } }) as RoundCommand);

describe('round deadlines (time-skipping Temporal test server, real PostgreSQL)', () => {
  it('closes a full post at its date, extends a thin one twice, then only reminds and escalates the oversight body', async () => {
    await withRound(async (handle) => {
      const b = new RecordingBuilder(planOfPosts(2)).announce().register('post-01', 6).register('post-02', 1);
      await sendAll(handle, b.take());
      const before = await handle.query(roundStateQuery);
      const lastDecision = `${b.day(10)}T09:00:00+07:00`;

      await skip(60);
      const clockEvents = await expectClockRan(
        handle,
        before,
        before.version,
        time.daysAfter(lastDecision, 60),
      );
      expect(clockEvents.slice(0, 4).map((e) => [e.type, 'postId' in e.data ? e.data.postId : ''])).toEqual([
        ['RegistrationClosed', 'post-01'],
        ['RegistrationExtended', 'post-02'],
        ['RegistrationExtended', 'post-02'],
        ['MinimumApplicantsNotReached', 'post-02'],
      ]);
      expect(clockEvents.filter((e) => e.type === 'DecisionEscalated').map((e) => e.data)).toEqual([
        expect.objectContaining({
          postId: 'post-02',
          role: 'oversight',
          decision: 'DecideUnderfilledPost',
          escalatedTo: 'oversight-leadership',
        }),
      ]);
      // Nothing was decided for anyone: the post waits for the oversight body, the other for the pansel.
      const state = await handle.query(roundStateQuery);
      expect(
        state.status === 'announced' && [state.posts['post-01']?.status, state.posts['post-02']?.status],
      ).toEqual(['selection', 'awaiting-oversight']);
      expect(await handle.query(awaitingQuery)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ postId: 'post-02', role: 'oversight', escalated: true }),
        ]),
      );

      // The oversight body drops the post; its reminders stop.
      const drop: RoundCommand = {
        type: 'DecideUnderfilledPost',
        data: {
          postId: 'post-02',
          issuedBy: 'BKN',
          letterNumber: 'B-9/2024',
          decision: 'drop',
          reason: 'Pelamar tidak mencukupi',
        },
        metadata: {
          now: time.daysAfter(lastDecision, 61),
          actor: { id: 'bkn-1', role: 'oversight' },
          correlationId: 'c-drop',
        },
      };
      await sendAll(handle, [drop]);
      const dropped = await handle.query(roundStateQuery);
      await skip(30);
      const after = await handle.query(roundStateQuery);
      expect(after.version).toBe(dropped.version);
      expect(await foldStored(h.sql, handle.workflowId)).toEqual(after);
    });
  });

  it('reminds the PPK past the service level and escalates to the oversight body, and stops once the PPK chooses', async () => {
    await withRound(async (handle) => {
      const b = new RecordingBuilder(planOfPosts(1)).announce();
      b.register('post-01', 6).closeAll().verify().stages().shortlist('post-01');
      const commands = b.take();
      await sendAll(handle, commands);
      const before = await handle.query(roundStateQuery);
      const [waiting] = await handle.query(awaitingQuery);
      expect(waiting).toMatchObject({
        role: 'ppk',
        command: 'ChooseAppointee',
        serviceLevelDays: policy.serviceLevels.ppkChoiceDays.value,
      });

      await skip(25);
      const since = waiting?.since ?? '';
      const lastNow = commands.at(-1)?.metadata.now ?? since;
      const chased = await expectClockRan(handle, before, before.version, time.daysAfter(lastNow, 25));
      expect(chased.map((e) => e.type)).toEqual([
        'DecisionReminded',
        'DecisionReminded',
        'DecisionReminded',
        'DecisionEscalated',
        'DecisionReminded',
      ]);
      expect(chased[0]?.data).toMatchObject({
        role: 'ppk',
        decision: 'ChooseAppointee',
        reminder: 1,
        dueAt: waiting?.dueAt,
      });
      expect(chased[3]?.data).toMatchObject({ escalatedTo: 'oversight-body' });

      b.appoint('post-01');
      // The PPK chooses; the oversight body recommends; the decree is issued: a fresh wait, unchased.
      const decided = datedAt(b.take(), time.daysAfter(lastNow, 26));
      const [choice] = await sendAll(handle, decided);
      expect(choice?.type).toBe('AppointeeChosen');
      expect(await handle.query(awaitingQuery)).toEqual([
        expect.objectContaining({
          role: 'ppk',
          command: 'InaugurateAppointee',
          since: decided.at(-1)?.metadata.now,
          reminders: 0,
          escalated: false,
        }),
      ]);
    });
  });

  it('[R19] raises a CALENDAR.YEAR_MISSING alarm instead of extending into 2028, and extends once the year is published', async () => {
    await withRound(async (handle) => {
      const schedule = {
        announcementOn: '2027-12-06',
        registrationDeadline: '2027-12-27',
        referenceDate: '2027-12-27',
      };
      const b = new RecordingBuilder(planOfPosts(1, { schedule }), '2027-11-29', 'bkn-2025')
        .announce()
        .register('post-01', 1);
      await sendAll(handle, b.take());

      // Past the deadline: the extension would count 7 working days into 2028, which has no calendar.
      await skip(20);
      const alarmed = await until(
        () => handle.query(awaitingQuery),
        (awaited) => awaited.some((a) => a.alarm !== undefined),
      );
      expect(alarmed).toEqual([
        expect.objectContaining({
          postId: 'post-01',
          role: 'operator',
          command: 'CloseRegistration',
          alarm: expect.objectContaining({
            code: 'CALENDAR.YEAR_MISSING',
            year: 2028,
            command: 'PassRegistrationDeadline',
          }),
        }),
      ]);
      const waiting = await handle.query(roundStateQuery);
      expect(waiting.status === 'announced' && waiting.posts['post-01']).toMatchObject({
        status: 'registration',
        extensions: 0,
        deadline: '2027-12-27',
      });

      // The admin publishes 2028 on the calendar stream; the round reads it again and extends.
      await appendToStream(h.sql, 'calendar', 'any', [
        {
          eventId: randomUUID(),
          type: 'CalendarYearPublished',
          data: {
            year: 2028,
            decree: 'SKB 2028 (test)',
            status: 'decreed',
            days: [{ date: '2028-01-01', name: 'Tahun Baru Masehi', kind: 'holiday' }],
            legalBasis: 'SKB 2028 (test)',
          },
          metadata: { actor: { id: 'admin', role: 'admin' } },
          recordedAt: new Date().toISOString(),
        },
      ]);
      await skip(0.5);
      const extended = await until(
        () => handle.query(roundStateQuery),
        (state) => state.status === 'announced' && state.posts['post-01']?.extensions === 1,
      );
      expect(extended.status === 'announced' && extended.posts['post-01']?.deadline).toBe('2028-01-05');
      expect(await handle.query(awaitingQuery)).toEqual([
        expect.not.objectContaining({ alarm: expect.anything() }),
      ]);
    });
  });
});

/** Polls until `done` holds (20 s at most). */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}
