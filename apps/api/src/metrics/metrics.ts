import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** The API's Prometheus registry: process metrics, HTTP latency per route, decisions per type and outcome. */
export class ApiMetrics {
  readonly registry = new Registry();
  readonly http = new Histogram({
    name: 'selter_http_request_duration_seconds',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly decisions = new Counter({
    name: 'selter_decisions_total',
    help: 'Decisions sent as Temporal Updates, by command type and outcome (accepted, or the refusal code)',
    labelNames: ['type', 'outcome'],
    registers: [this.registry],
  });

  readonly decisionWait = new Histogram({
    name: 'selter_decision_admission_wait_seconds',
    help: 'Time a decision waited for its turn (per round, per agency, in all) before it was sent (ADR 16)',
    buckets: [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly decisionsRefusedBusy = new Counter({
    name: 'selter_decisions_busy_total',
    help: 'Decisions answered 429/503 before being sent because the round, the agency or the API had no room (ADR 16)',
    labelNames: ['level'],
    registers: [this.registry],
  });

  readonly decisionsPending = new Counter({
    name: 'selter_decisions_outcome_pending_total',
    help: 'Decisions sent whose outcome did not come within the deadline (503 DECISION.OUTCOME_PENDING); the log line names the round (ADR 16)',
    labelNames: ['kind'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'selter_api_' });
  }
}
