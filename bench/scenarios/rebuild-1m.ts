// rebuild-1m: rebuild the rounds and applicants read models from 1,000,000 stored events, against
// the raw read of the same events (same committed reader, same batch size, no projection work).
import { randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';
import { appendToStream, readCommittedEvents, type NewEvent } from '@selter/event-store';
import { applicantsReadModel, projectionsMigrations, rebuild, roundsReadModel } from '@selter/projections';
import { scenarioDatabase } from '../databases';
import type { Scenario } from '../harness';

const EVENTS = 1_000_000;
// Events per read, for the raw read and the rebuild alike (the rebuild coalesces a row's many
// changes in memory and writes it once per flush, whatever the batch size).
const BATCH = 20_000;

const meta = { actor: { id: 'pansel-1', role: 'pansel' }, correlationId: randomUUID() };
const at = '2024-08-01T09:00:00+07:00';

/** One realistic round stream: plan, announcement, then per post registrations, verdicts, stage scores, rankings, a shortlist. */
export function roundEvents(roundId: string, posts = 3, applicants = 400): NewEvent[] {
  const out: NewEvent[] = [];
  const add = (type: string, data: Record<string, unknown>): void =>
    void out.push({
      eventId: randomUUID(),
      type,
      data: { roundId, at, ...data },
      metadata: meta,
      recordedAt: at,
    });
  const postIds = Array.from({ length: posts }, (_, p) => `post-${p + 1}`);
  add('RoundPlanned', {
    policyId: 'kasn-2019',
    plan: {
      name: `Seleksi ${roundId}`,
      agency: { name: 'Pemprov Bench', level: 'province' },
      posts: postIds.map((postId) => ({ postId, title: `Kepala ${postId}`, kind: 'regular' })),
    },
  });
  add('PlanSubmittedForRecommendation', { to: 'KASN' });
  add('PlanRecommended', { issuedBy: 'KASN', letterNumber: 'B-1/KASN/2024' });
  add('RoundAnnounced', { registrationDeadline: '2024-08-20', announcedOn: '2024-08-01' });
  for (const postId of postIds) {
    const ids = Array.from({ length: applicants }, (_, a) => `${postId}-a${a}`);
    for (const applicantId of ids) {
      add('ApplicantRegistered', {
        postId,
        applicantId,
        invited: false,
        conflictedMembers: [],
        applicant: {
          nip: `19700101199503${applicantId.length}001`,
          name: `Pelamar ${applicantId}`,
          homeAgency: 'Dinas X',
          rank: 'IV/a',
          education: 'S2',
          relatedExperienceYears: 7,
          dateOfBirth: '1975-05-05',
        },
      });
    }
    add('RegistrationClosed', { postId, applicants, continuedWithFewer: false });
    for (const applicantId of ids)
      add('AdministrativeVerdictRecorded', {
        postId,
        applicantId,
        verdict: 'eligible',
        failed: [],
        waived: [],
      });
    for (const stageId of ['competency', 'paper', 'interview']) {
      for (let i = 0; i < ids.length; i += 10)
        add('StageResultsRecorded', {
          postId,
          stageId,
          results: ids
            .slice(i, i + 10)
            .map((applicantId, k) => ({ applicantId, score: 60 + ((i + k) % 40) })),
        });
      add('StageResultsPublished', {
        postId,
        stageId,
        proceeding: ids,
        ranking: ids.map((applicantId, rank) => ({
          applicantId,
          rank: rank + 1,
          stageScore: 70,
          total: 70 - rank / 100,
          proceeds: rank < applicants - 5,
        })),
      });
    }
    add('ShortlistProposed', {
      postId,
      finalists: ids.slice(0, 3).map((applicantId, r) => ({ applicantId, rank: r + 1, total: 80 })),
      fewerThanRequired: false,
    });
  }
  return out;
}

/** Appends exactly `total` events as whole-ish rounds, a few streams at a time, in chunks. */
export async function seedEvents(sql: Sql, total: number, prefix: string): Promise<void> {
  let left = total;
  let round = 0;
  const next = (): { id: string; events: NewEvent[] } | undefined => {
    if (left <= 0) return undefined;
    const events = roundEvents(`${prefix}-${(round += 1)}`).slice(0, left);
    left -= events.length;
    return { id: `${prefix}-${round}`, events };
  };
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let stream = next(); stream; stream = next()) {
        for (let i = 0; i < stream.events.length; i += 1_000)
          await appendToStream(sql, stream.id, i === 0 ? 'no_stream' : i, stream.events.slice(i, i + 1_000));
      }
    }),
  );
}

/** A fresh database on the bench's server, migrated, so scenarios never see each other's events. */
async function rawReadRate(sql: Sql): Promise<number> {
  const start = performance.now();
  let read = 0;
  let after = { transactionId: 0n, globalPosition: 0n };
  for (
    let batch = await readCommittedEvents(sql, after, BATCH);
    batch.length > 0;
    batch = await readCommittedEvents(sql, after, BATCH)
  ) {
    read += batch.length;
    const last = batch[batch.length - 1];
    if (last) after = { transactionId: last.transactionId, globalPosition: last.globalPosition };
  }
  if (read !== EVENTS) throw new Error(`raw read saw ${read} events, expected ${EVENTS}`);
  return (read * 1000) / (performance.now() - start);
}

const scenario: Scenario = {
  name: 'rebuild-1m',
  description:
    'rebuild the rounds and applicants read models from 1,000,000 events vs the raw read of the same events',
  needs: ['postgres'],
  async run({ engines, log }) {
    const { sql } = await scenarioDatabase(engines.databaseUrl, 'bench_rebuild', 8, projectionsMigrations());
    try {
      const seedStart = performance.now();
      await seedEvents(sql, EVENTS, 'round');
      log(`seeded ${EVENTS} events in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
      await sql`vacuum analyze events`;
      const baseline = await rawReadRate(sql);
      log(`raw read: ${baseline.toFixed(0)} events/s`);
      let lastLogged = 0;
      const result = await rebuild(sql, [roundsReadModel, applicantsReadModel], {
        batchSize: BATCH,
        onProgress: (p) => {
          if (!p.done && p.events - lastLogged < 200_000) return;
          log(
            `rebuild: ${p.events} events, ${p.eventsPerSecond.toFixed(0)} events/s${p.done ? ' (done)' : ''}`,
          );
          lastLogged = p.events;
        },
      });
      if (result.events !== EVENTS)
        throw new Error(`rebuild saw ${result.events} events, expected ${EVENTS}`);
      const [applicants] = await sql<{ n: string }[]>`select count(*)::text as n from rm_post_applicants`;
      return {
        unit: 'events/s',
        value: result.eventsPerSecond,
        baseline,
        ratio: result.eventsPerSecond / baseline,
        details: {
          events: EVENTS,
          batchSize: BATCH,
          target: 50_000,
          meetsTarget: result.eventsPerSecond >= 50_000,
          applicantRows: Number(applicants?.n ?? 0),
          models: result.models,
        },
      };
    } finally {
      await sql.end();
    }
  },
};
export default scenario;
