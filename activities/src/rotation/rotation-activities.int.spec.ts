import type { RecordDecisionsInput } from '@selter/contracts';
import { decideRotation, initialRotationState, type RotationEvent } from '@selter/domain';
import { meta } from '@selter/domain/testing';
import { EVENT_STORE_MIGRATIONS, loadMigrations, migrate, readStream } from '@selter/event-store';
import { createTestDatabase } from '@selter/testing';
import postgres, { type Sql } from 'postgres';
import { createRotationActivities } from './rotation-activities';

/** A rotation planned under the 2-5 year rule with one incumbent in post for a year only (R31). */
function plannedEvents(): RotationEvent[] {
  const posts = [1, 2].map((n) => ({ postId: `p${n}`, title: `Kepala Dinas ${n}` }));
  const incumbents = [
    { nip: 'n1', name: 'Pejabat 1', postId: 'p1', dateOfBirth: '1970-01-01', inauguratedOn: '2018-03-01' },
    { nip: 'n2', name: 'Pejabat 2', postId: 'p2', dateOfBirth: '1970-01-01', inauguratedOn: '2020-03-01' },
  ];
  const command = {
    type: 'PlanRotation' as const,
    data: { rotationId: 'rot-1', agency: 'Kota Tegal', posts, incumbents, policyId: 'kasn-2019' },
    metadata: { ...meta('2021-03-22'), workflowId: 'rotation-test-rot-1', runId: 'run-1' },
  };
  return decideRotation(command, initialRotationState());
}

describe('rotation activities over the PostgreSQL event store', () => {
  let sql: Sql;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const db = await createTestDatabase('rotation_activities');
    sql = postgres(db.url, { max: 2, onnotice: () => undefined });
    await migrate(sql, loadMigrations('event-store', EVENT_STORE_MIGRATIONS));
    drop = db.drop;
  });
  afterAll(async () => {
    await sql.end();
    await drop();
  });

  it('records a decision once however often the activity is retried, with the audit metadata', async () => {
    const { recordRotationDecisions } = createRotationActivities({ sql });
    const input: RecordDecisionsInput<RotationEvent> = {
      streamId: 'rotation-test-rot-1',
      expectedVersion: 0,
      decisions: [{ decisionId: 'plan-1', events: plannedEvents() }],
      recordedAt: '2021-03-22T02:00:00.000Z',
    };
    expect(await recordRotationDecisions(input)).toEqual({ outcome: 'recorded', version: 1 });
    expect(await recordRotationDecisions(input)).toEqual({ outcome: 'recorded', version: 1 });

    const stored = await readStream(sql, input.streamId);
    expect(stored.map((e) => e.type)).toEqual(['RotationPlanned']);
    expect(stored[0]?.metadata).toMatchObject({
      actor: { id: 'operator-1', role: 'operator' },
      role: 'operator',
      correlationId: 'corr-1',
      decisionId: 'plan-1',
      ruleIds: ['R31'],
      workflowId: 'rotation-test-rot-1',
      runId: 'run-1',
    });
  });

  it('answers behind with the stored event when another decision took the expected version', async () => {
    const { recordRotationDecisions, readRotationEvents } = createRotationActivities({ sql });
    const streamId = 'rotation-test-rot-2';
    const batch = (decisionId: string): RecordDecisionsInput<RotationEvent> => ({
      streamId,
      expectedVersion: 0,
      decisions: [{ decisionId, events: plannedEvents() }],
      recordedAt: '2021-03-22T02:00:00.000Z',
    });
    expect((await recordRotationDecisions(batch('first'))).outcome).toBe('recorded');
    expect(await recordRotationDecisions(batch('second'))).toEqual({
      outcome: 'behind',
      stored: [expect.objectContaining({ version: 1, decisionId: 'first' })],
    });
    expect(await readRotationEvents({ streamId, afterVersion: 0, limit: 5 })).toEqual([
      expect.objectContaining({ version: 1, decisionId: 'first' }),
    ]);
  });
});
