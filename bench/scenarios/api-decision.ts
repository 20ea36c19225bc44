import { join } from 'node:path';
import { roundWorkflowId, type DecisionResult } from '@selter/contracts';
import type { RoundCommand } from '@selter/domain';
import { anApplicant, nipOf, RoundBuilder } from '@selter/domain/testing';
import type { Client } from '@temporalio/client';
import type { Scenario } from '../harness';
import { devToken, startBenchApi, startBenchWorker } from '../rounds';

const ROUNDS = 8;
const RATES = [10, 20, 40, 60, 80, 100, 130];
const STEP_MS = 4_000;
const P99_LIMIT_MS = 250;
const NOW = '2024-09-12T09:00:00+07:00';

interface Step {
  rate: number;
  p50: number;
  p99: number;
  errors: number;
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;

/** Open loop: a request every 1/rate s whatever the answers; latency from the intended start (no coordinated omission). */
async function openLoop(rate: number, send: (i: number) => Promise<boolean>): Promise<Step> {
  const count = Math.round((rate * STEP_MS) / 1000);
  const start = performance.now();
  const latencies: number[] = [];
  let errors = 0;
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const intended = start + (i * 1000) / rate;
      await new Promise((r) => setTimeout(r, Math.max(0, intended - performance.now())));
      const ok = await send(i).catch(() => false);
      latencies.push(performance.now() - intended);
      if (!ok) errors += 1;
    }),
  );
  latencies.sort((a, b) => a - b);
  return { rate, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), errors };
}

/** The highest rate whose p99 stayed within the limit without errors, stepping up until one fails. */
async function highestRate(
  send: (i: number) => Promise<boolean>,
  log: (l: string) => void,
  label: string,
): Promise<{ best: Step | undefined; steps: Step[] }> {
  const steps: Step[] = [];
  let best: Step | undefined;
  for (const rate of RATES) {
    const step = await openLoop(rate, send);
    steps.push(step);
    log(
      `${label} ${rate}/s: p50 ${step.p50.toFixed(0)} ms, p99 ${step.p99.toFixed(0)} ms, errors ${step.errors}`,
    );
    if (step.p99 > P99_LIMIT_MS || step.errors > 0) break;
    best = step;
  }
  return { best, steps };
}

const registration = (n: number): RoundCommand => ({
  type: 'RegisterApplicant',
  data: { postId: 'dinkes', applicantId: `a${n}`, applicant: anApplicant(nipOf(n)) },
  metadata: { now: NOW, actor: { id: 'operator.bench', role: 'operator' }, correlationId: `bench-${n}` },
});

/**
 * Decisions (RegisterApplicant, an operator's Update) at fixed rates through the API against the
 * same Updates sent straight with the Temporal client, on 8 announced rounds each; ratio of the
 * highest rates held with p99 <= 250 ms (target >= 0.7).
 */
const scenario: Scenario = {
  name: 'api-decision',
  description:
    'decisions through the API vs the same Temporal Updates sent directly: highest rate with p99 <= 250 ms',
  needs: ['postgres', 'temporal'],
  async run({ engines, workDir, log }) {
    const w = await startBenchWorker(engines, 'api-decision');
    const { client, taskQueue, close } = w;
    const api = await startBenchApi(w, engines, join(workDir, 'api-decision-api.log')).catch(
      async (error: unknown) => {
        await close();
        throw error;
      },
    );
    const base = api.url;
    try {
      const token = await devToken(base, 'operator.kabcontoh');
      await devToken(base, 'admin').then((admin) =>
        fetch(`${base}/admin/clock`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
          body: JSON.stringify({ now: NOW }),
        }),
      );
      const direct = await announcedRounds(client, taskQueue, 'direct');
      const viaApi = await announcedRounds(client, taskQueue, 'api');
      let n = 0;
      const directRun = await highestRate(
        async () => {
          const i = (n += 1);
          await client.workflow
            .getHandle(direct[i % ROUNDS] ?? '')
            .executeUpdate<DecisionResult, [RoundCommand]>('RegisterApplicant', { args: [registration(i)] });
          return true;
        },
        log,
        'direct',
      );
      const apiRun = await highestRate(
        async () => {
          const i = (n += 1);
          const command = registration(i);
          const res = await fetch(`${base}/rounds/${viaApi[i % ROUNDS] ?? ''}/decisions/RegisterApplicant`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
              'idempotency-key': `k${i}`,
            },
            body: JSON.stringify(command.data),
          });
          await res.arrayBuffer();
          return res.status === 200;
        },
        log,
        'api',
      );
      const value = apiRun.best?.rate ?? 0;
      const baseline = directRun.best?.rate ?? 0;
      return {
        unit: 'decisions/s',
        value,
        baseline,
        ratio: baseline ? value / baseline : 0,
        details: {
          target: 0.7,
          p99LimitMs: P99_LIMIT_MS,
          stepMs: STEP_MS,
          rounds: ROUNDS,
          api: apiRun.steps,
          direct: directRun.steps,
        },
      };
    } finally {
      await api.stop();
      await close();
    }
  },
};
export default scenario;

/** Rounds planned, recommended and announced (registration open on NOW), straight through Temporal. */
async function announcedRounds(client: Client, taskQueue: string, label: string): Promise<string[]> {
  return Promise.all(
    Array.from({ length: ROUNDS }, async (_, r) => {
      const agency = 'kabcontoh';
      const roundId = `bench-${label}-${r}-${Date.now()}`;
      const workflowId = roundWorkflowId(agency, roundId);
      const handle = await client.workflow.start('selectionRound', {
        taskQueue,
        workflowId,
        args: [{ agency, roundId }],
      });
      const b = new RoundBuilder(undefined, '2024-09-02', 'bkn-2024').announce();
      for (const command of b.commands) {
        const sent =
          command.type === 'PlanRound' ? { ...command, data: { ...command.data, roundId } } : command;
        await handle.executeUpdate(command.type, { args: [sent] });
      }
      return workflowId;
    }),
  );
}
