// round-contention: 50 clients deciding at once on ONE round through the HTTP API (distinct
// registrations, then administrative verdicts after the closing), against the same decisions spread
// over 50 rounds (one client per round) in the same run. Clients obey 429/503 Retry-After.
import { join } from 'node:path';
import type { Role, RoundCommand } from '@selter/domain';
import { aPansel, aPlan, aPost, RoundBuilder } from '@selter/domain/testing';
import type { Sql } from 'postgres';
import { DecisionClient, type Decided, type Tally } from '../decision-client';
import type { Scenario } from '../harness';
import { devToken, startBenchApi, startBenchWorker } from '../rounds';

const AGENCY = 'kabcontoh';
const POLICY = 'bkn-2024';
const CLIENTS = 50;
/** Registrations per client, then as many verdicts; 4 is the policy's minimum for a post to close (R18). */
const PER_CLIENT = 4;
const CLIENT = { maxAttempts: 12, timeoutMs: 30_000 };
const TARGET_RATIO = 0.3;
const TARGET_P99_MS = 1_000;
/** The event each measured decision stores. */
const STORED = {
  RegisterApplicant: 'ApplicantRegistered',
  RecordAdministrativeVerdict: 'AdministrativeVerdictRecorded',
} as const;
/** The seeded users of the development issuer taking each role's decisions (pansel1 sits on the plan's pansel). */
const USER_OF: Partial<Record<Role, string>> = {
  operator: `operator.${AGENCY}`,
  pansel: `pansel1.${AGENCY}`,
  oversight: 'liaison.bkn',
  ppk: `ppk.${AGENCY}`,
};

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
const is2xx = (status: number): boolean => status >= 200 && status < 300;
const applicantOf = (c: RoundCommand): string => String((c.data as { applicantId?: unknown }).applicantId);

/** One round's commands from the domain's builder: announced, `applicants` registered for dinkes, closed, judged. */
interface BenchRound {
  readonly localId: string;
  readonly id: string;
  readonly setup: RoundCommand[];
  readonly registrations: RoundCommand[];
  readonly closing: RoundCommand[];
  readonly verdicts: RoundCommand[];
}

function benchRound(localId: string, applicants: number): BenchRound {
  const members = aPansel().map((m, i) => ({ ...m, memberId: `pansel${i + 1}.${AGENCY}` }));
  const b = new RoundBuilder(
    aPlan([aPost('dinkes')], { pansel: { decreeNumber: '800/1/2024', members } }),
    '2024-09-02',
    POLICY,
  );
  const setup = b.announce().take();
  const registrations = b.register('dinkes', applicants).take();
  const closing = b.closeAll().take();
  const verdicts = b
    .verify()
    .take()
    .filter((c) => c.type === 'RecordAdministrativeVerdict');
  return { localId, id: `round-${AGENCY}-${localId}`, setup, registrations, closing, verdicts };
}

interface Decision {
  readonly round: BenchRound;
  readonly command: RoundCommand;
  result?: Decided;
}

/** The API as the seeded users see it: tokens per role, its adjustable clock, decisions through a client. */
class BenchCaller {
  private readonly tokens = new Map<string, Promise<string>>();
  constructor(readonly url: string) {}

  token(user: string): Promise<string> {
    let token = this.tokens.get(user);
    if (!token) this.tokens.set(user, (token = devToken(this.url, user)));
    return token;
  }

  async setClock(now: string): Promise<void> {
    const res = await fetch(`${this.url}/admin/clock`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${await this.token('admin')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ now }),
    });
    if (res.status !== 200) throw new Error(`clock ${now}: ${res.status} ${await res.text()}`);
  }

  /** Sends a recorded command as the seeded user of its role (the API stamps the metadata). */
  async send(client: DecisionClient, round: BenchRound, command: RoundCommand): Promise<Decided> {
    const user = USER_OF[command.metadata.actor.role];
    if (!user) throw new Error(`no seeded user for ${command.metadata.actor.role}`);
    const token = await this.token(user);
    if (command.type === 'PlanRound')
      return client.send(token, '/rounds', {
        roundId: round.localId,
        plan: command.data.plan,
        policyId: command.data.policyId,
      });
    return client.send(token, `/rounds/${round.id}/decisions/${command.type}`, command.data);
  }
}

/** Step i of every round at once, the clock at that step's time; any final answer but 2xx stops the run. */
async function lockstep(
  api: BenchCaller,
  rounds: readonly BenchRound[],
  pick: (r: BenchRound) => readonly RoundCommand[],
): Promise<void> {
  const client = new DecisionClient(api.url, CLIENT);
  const steps = rounds[0] ? pick(rounds[0]) : [];
  for (const [i, first] of steps.entries()) {
    await api.setClock(first.metadata.now);
    await Promise.all(
      rounds.map(async (round) => {
        const command = pick(round)[i];
        if (!command) return;
        const r = await api.send(client, round, command);
        if (!is2xx(r.status))
          throw new Error(
            `setup ${command.type} on ${round.id}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`,
          );
      }),
    );
  }
}

/** Every client sends its queue one decision after another, all clients at once; the wall time in ms. */
async function phase(
  api: BenchCaller,
  client: DecisionClient,
  queues: readonly Decision[][],
): Promise<number> {
  const began = performance.now();
  await Promise.all(
    queues.map(async (queue) => {
      for (const d of queue) d.result = await api.send(client, d.round, d.command);
    }),
  );
  return performance.now() - began;
}

/** Decisions of one layout: client c takes every CLIENTS-th decision of its rounds' list. */
function queuesOf(
  rounds: readonly BenchRound[],
  pick: (r: BenchRound) => readonly RoundCommand[],
): Decision[][] {
  const queues: Decision[][] = Array.from({ length: CLIENTS }, () => []);
  if (rounds.length === 1)
    rounds.forEach((round) =>
      pick(round).forEach((command, i) => queues[i % CLIENTS]?.push({ round, command })),
    );
  else
    rounds.forEach((round, c) =>
      pick(round).forEach((command) => queues[c % CLIENTS]?.push({ round, command })),
    );
  return queues;
}

/** Throughput and latency of a layout's accepted decisions, with every answer counted. */
function summarise(
  decisions: readonly Decision[],
  wallMs: { registrations: number; verdicts: number },
  tally: Tally,
): Record<string, unknown> & { decisionsPerSecond: number; p50: number; p99: number } {
  const results = decisions.map((d) => d.result).filter((r): r is Decided => r !== undefined);
  const accepted = results.filter((r) => is2xx(r.status));
  const attempt = accepted.map((r) => r.attemptMs).sort((a, b) => a - b);
  const total = accepted.map((r) => r.totalMs).sort((a, b) => a - b);
  const wall = wallMs.registrations + wallMs.verdicts;
  const finals: Record<string, number> = {};
  for (const r of results) finals[String(r.status)] = (finals[String(r.status)] ?? 0) + 1;
  return {
    decisions: decisions.length,
    accepted: accepted.length,
    wallMs: { registrations: Math.round(wallMs.registrations), verdicts: Math.round(wallMs.verdicts) },
    decisionsPerSecond: (accepted.length * 1000) / wall,
    p50: percentile(attempt, 0.5),
    p99: percentile(attempt, 0.99),
    max: attempt[attempt.length - 1] ?? Number.NaN,
    p50EndToEnd: percentile(total, 0.5),
    p99EndToEnd: percentile(total, 0.99),
    retried: results.filter((r) => r.attempts > 1).length,
    finalStatus: finals,
    responses: tally,
  };
}

/**
 * Per round, the stored events of the decided types against the decisions acknowledged 2xx: none
 * lost (2xx without its event), none duplicated, none stored without a 2xx, and each 2xx's version
 * the one its event was stored at.
 */
async function consistency(
  sql: Sql,
  rounds: readonly BenchRound[],
  decisions: readonly Decision[],
): Promise<Record<string, unknown> & { ok: boolean }> {
  const rows = await sql<
    Array<{ stream_id: string; type: string; applicant: string | null; version: string }>
  >`
    select stream_id, type, record_json->'data'->>'applicantId' as applicant, stream_version as version
    from events where stream_id in ${sql(rounds.map((r) => r.id))} and type in ${sql(Object.values(STORED))}`;
  const stored = new Map<string, number[]>();
  for (const row of rows) {
    const key = `${row.stream_id}|${row.type}|${row.applicant ?? ''}`;
    stored.set(key, [...(stored.get(key) ?? []), Number(row.version)]);
  }
  let lost = 0,
    duplicated = 0,
    storedWithoutAck = 0,
    versionMismatch = 0;
  const perRound = new Map<string, { stored: number; acked: number }>(
    rounds.map((r) => [r.id, { stored: 0, acked: 0 }]),
  );
  for (const row of rows) perRound.get(row.stream_id)!.stored += 1;
  const known = new Set<string>();
  for (const d of decisions) {
    const key = `${d.round.id}|${STORED[d.command.type as keyof typeof STORED]}|${applicantOf(d.command)}`;
    known.add(key);
    const versions = stored.get(key) ?? [];
    const acked = is2xx(d.result?.status ?? 0);
    if (acked) perRound.get(d.round.id)!.acked += 1;
    if (versions.length > 1) duplicated += 1;
    if (acked && versions.length === 0) lost += 1;
    if (!acked && versions.length > 0) storedWithoutAck += 1;
    const version = Number(d.result?.body['version']);
    const events = Array.isArray(d.result?.body['events'])
      ? (d.result.body['events'] as unknown[]).length
      : 1;
    if (acked && versions.length === 1 && !(versions[0]! <= version && versions[0]! > version - events))
      versionMismatch += 1;
  }
  const unexpected = [...stored.keys()].filter((k) => !known.has(k)).length;
  const roundsMismatched = [...perRound.values()].filter((r) => r.stored !== r.acked).length;
  const single = perRound.get(rounds[0]?.id ?? '');
  return {
    ok: lost + duplicated + storedWithoutAck + versionMismatch + unexpected + roundsMismatched === 0,
    storedEvents: rows.length,
    acknowledged: decisions.filter((d) => is2xx(d.result?.status ?? 0)).length,
    lost,
    duplicated,
    storedWithoutAck,
    versionMismatch,
    unexpected,
    roundsMismatched,
    oneRound: single,
  };
}

/**
 * Accepted decisions per second on one round under 50 concurrent clients, against the same
 * decisions spread over 50 rounds (one client each); target ratio >= 0.3, p99 of accepted <= 1 s,
 * no 5xx, every acknowledged decision stored exactly once.
 */
const scenario: Scenario = {
  name: 'round-contention',
  description:
    '50 clients deciding on one round through the API vs the same decisions spread over 50 rounds; 429/503 obeyed',
  needs: ['postgres', 'temporal'],
  async run({ engines, workDir, log }) {
    const w = await startBenchWorker(engines, 'round-contention');
    const api = await startBenchApi(w, engines, join(workDir, 'round-contention-api.log')).catch(
      async (error: unknown) => {
        await w.close();
        throw error;
      },
    );
    try {
      const caller = new BenchCaller(api.url);
      const stamp = Date.now().toString(36);
      const one = benchRound(`rc-${stamp}-one`, CLIENTS * PER_CLIENT);
      const spread = Array.from({ length: CLIENTS }, (_, c) => benchRound(`rc-${stamp}-s${c}`, PER_CLIENT));
      const all = [one, ...spread];
      let began = performance.now();
      await lockstep(caller, all, (r) => r.setup);
      log(
        `round-contention: ${all.length} rounds announced through the API in ${((performance.now() - began) / 1000).toFixed(1)} s`,
      );

      const clients = {
        one: new DecisionClient(api.url, CLIENT),
        spread: new DecisionClient(api.url, CLIENT),
      };
      const registrations = {
        one: queuesOf([one], (r) => r.registrations),
        spread: queuesOf(spread, (r) => r.registrations),
      };
      const verdicts = {
        one: queuesOf([one], (r) => r.verdicts),
        spread: queuesOf(spread, (r) => r.verdicts),
      };
      const wall = { one: { registrations: 0, verdicts: 0 }, spread: { registrations: 0, verdicts: 0 } };
      // One round first for registrations, spread first for verdicts: drift over the run falls on both.
      await caller.setClock(one.registrations[0]!.metadata.now);
      wall.one.registrations = await phase(caller, clients.one, registrations.one);
      wall.spread.registrations = await phase(caller, clients.spread, registrations.spread);
      log(
        `round-contention registrations: one round ${wall.one.registrations.toFixed(0)} ms, spread ${wall.spread.registrations.toFixed(0)} ms`,
      );
      began = performance.now();
      await lockstep(caller, all, (r) => r.closing);
      log(`round-contention: registration closed in ${((performance.now() - began) / 1000).toFixed(1)} s`);
      await caller.setClock(one.verdicts[0]!.metadata.now);
      wall.spread.verdicts = await phase(caller, clients.spread, verdicts.spread);
      wall.one.verdicts = await phase(caller, clients.one, verdicts.one);
      log(
        `round-contention verdicts: spread ${wall.spread.verdicts.toFixed(0)} ms, one round ${wall.one.verdicts.toFixed(0)} ms`,
      );

      const decided = {
        one: [...registrations.one.flat(), ...verdicts.one.flat()],
        spread: [...registrations.spread.flat(), ...verdicts.spread.flat()],
      };
      const value = summarise(decided.one, wall.one, clients.one.tally);
      const baseline = summarise(decided.spread, wall.spread, clients.spread.tally);
      const check = await consistency(w.sql, all, [...decided.one, ...decided.spread]);
      const ratio = baseline.decisionsPerSecond ? value.decisionsPerSecond / baseline.decisionsPerSecond : 0;
      const t = [clients.one.tally, clients.spread.tally];
      const serverErrors = t.reduce((n, x) => n + x.serverError, 0);
      const noAnswer = t.reduce((n, x) => n + x.noAnswer, 0);
      log(
        `round-contention one round: ${value.decisionsPerSecond.toFixed(1)}/s p50 ${value.p50.toFixed(0)} p99 ${value.p99.toFixed(0)} ms; spread ${baseline.decisionsPerSecond.toFixed(1)}/s p50 ${baseline.p50.toFixed(0)} p99 ${baseline.p99.toFixed(0)} ms; 5xx ${serverErrors}, consistent ${check.ok}`,
      );
      return {
        unit: 'decisions/s',
        value: value.decisionsPerSecond,
        baseline: baseline.decisionsPerSecond,
        ratio,
        details: {
          met:
            serverErrors === 0 &&
            noAnswer === 0 &&
            check.ok &&
            value.p99 <= TARGET_P99_MS &&
            ratio >= TARGET_RATIO,
          metMeans:
            'no 5xx and no request left unanswered; every 2xx decision stored exactly once, nothing stored without a 2xx; p99 of accepted on one round <= 1 s; ratio >= 0.3',
          targetRatio: TARGET_RATIO,
          targetP99Ms: TARGET_P99_MS,
          latency:
            'p50/p99: ms from sending the attempt answered 2xx to its answer; EndToEnd: from the first attempt, Retry-After waits included',
          clients: CLIENTS,
          decisionsPerClient: { registrations: PER_CLIENT, verdicts: PER_CLIENT },
          client: {
            ...CLIENT,
            retries:
              '429/503 after Retry-After (1 s if absent), 409 IDEMPOTENCY.IN_PROGRESS, no answer (1 s); the same Idempotency-Key',
          },
          order: 'registrations: one round then spread; registration closed; verdicts: spread then one round',
          oneRound: value,
          spread: baseline,
          consistency: check,
        },
      };
    } finally {
      await api.stop();
      await w.close();
    }
  },
};

export default scenario;
