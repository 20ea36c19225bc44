import { randomUUID } from 'node:crypto';
import type { AppendRoundEventsInput } from '@selter/contracts';
import type { RoundEvent } from '@selter/domain';
import { planOfPosts, RoundBuilder, WITHOUT_RECOMMENDATION } from '@selter/domain/testing';
import { EVENT_STORE_MIGRATIONS, loadMigrations, migrate, readStream } from '@selter/event-store';
import { createTestDatabase } from '@selter/testing';
import postgres, { type Sql } from 'postgres';
import { createRoundActivities } from './round-activities';

/** A round's events up to the administrative verdicts, one applicant lacking the home-PPK recommendation (R7). */
function verifiedRoundEvents(): RoundEvent[] {
  const b = new RoundBuilder(planOfPosts(1)).announce();
  b.register('post-01', 4).register('post-01', 1, () => WITHOUT_RECOMMENDATION).closeAll().verify();
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

  it('appends a decision once however often the activity is retried, with the audit metadata', async () => {
    const { appendRoundEvents } = createRoundActivities({ sql, clock: () => new Date() });
    const events = verifiedRoundEvents();
    const input: AppendRoundEventsInput = {
      streamId: 'round-test-round-1',
      expectedVersion: 0,
      events: events.map((event) => ({ eventId: randomUUID(), event })),
      recordedAt: '2024-09-26T02:00:00.000Z',
    };
    const first = await appendRoundEvents(input);
    const retry = await appendRoundEvents(input);
    expect(first).toEqual({ nextExpectedVersion: events.length, deduplicated: false });
    expect(retry).toEqual({ nextExpectedVersion: events.length, deduplicated: true });

    const stored = await readStream(sql, input.streamId);
    expect(stored).toHaveLength(events.length);
    const refused = stored.find((e) => e.type === 'AdministrativeVerdictRecorded' && (e.data as { verdict: string }).verdict === 'ineligible');
    expect(refused?.metadata).toMatchObject({
      actor: { id: 'pansel-1', role: 'pansel' },
      role: 'pansel',
      correlationId: 'corr-1',
      ruleIds: ['R7'],
      workflowId: 'round-test-round-1',
      runId: 'run-1',
    });
  });
});
