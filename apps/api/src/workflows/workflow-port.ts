import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Config } from '@selter/config';
import { isRestoring, isSwitchingRuns } from '@selter/contracts';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { QueryDefinition } from '@temporalio/common';
import { CONFIG, TEMPORAL_CLIENT } from '../infrastructure/tokens';
import { ApiMetrics } from '../metrics/metrics';
import { ProblemException } from '../problem/problem-details.filter';
import { AdmissionRefused, DecisionAdmission } from './admission';
import {
  finishedProblem,
  notFoundProblem,
  problemOfTemporal,
  unavailable,
  type CallContext,
} from './temporal-problems';

/** A business workflow as the API names it: its id (= stream id) and the agency it belongs to. */
export interface WorkflowRef {
  readonly id: string;
  readonly agency: string;
}

/** What a recorded decision answers: its events and the stream's version after them. */
export interface DecisionOutcome {
  readonly events: readonly { type: string }[];
  readonly version: number;
}

/** Queries on a busy worker are answered within this, or 503 with Retry-After. */
const QUERY_DEADLINE_MS = 10_000;
/** While a round switches runs (ADR 13) its validators refuse and its queries answer RESTORING for a moment: asked again after this. */
const SWITCH_RETRY_MS = 100;

/**
 * The API's one door to Temporal (ADR 16): start, decide, query. Every decision passes admission
 * (per round, per agency, in all), is sent as its Update with the decision's id, and is answered
 * within the server-side deadline: recorded, refused with the domain's code, or a 429/503 problem
 * with Retry-After. Temporal's errors become problems here, once, by class and gRPC status.
 */
@Injectable()
export class WorkflowPort {
  private readonly logger = new Logger('WorkflowPort');
  private readonly admission: DecisionAdmission;

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(CONFIG) private readonly config: Config,
    private readonly metrics: ApiMetrics,
  ) {
    const d = config.api.decisions;
    this.admission = new DecisionAdmission({
      perRound: d.perRound,
      perAgency: d.perAgency,
      total: d.inFlight,
      sharedRatePerAgency: d.sharedPerSecond,
    });
  }

  /** Starts the workflow of a business key (STYLE.md rule 7): one that runs is joined; a finished one's id is never reused. */
  async start(
    kind: CallContext['kind'],
    workflowType: string,
    ref: WorkflowRef,
    input: object,
  ): Promise<void> {
    try {
      await this.client.withDeadline(Date.now() + QUERY_DEADLINE_MS, () =>
        this.client.workflow.start(workflowType, {
          taskQueue: this.config.temporal.taskQueue,
          workflowId: ref.id,
          args: [input],
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        }),
      );
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        throw new ProblemException({
          status: 409,
          code: `${kind}.ALREADY_EXISTS`,
          detail: `${ref.id} already ran to its end; choose another id.`,
        });
      }
      throw await this.problem(error, { workflowId: ref.id, kind });
    }
  }

  /**
   * Sends one decision as its Update, `decisionId` as the Update id (a retry with the same id is
   * the same decision: Temporal, and the workflow across runs, answer its first outcome).
   */
  async decide(
    kind: CallContext['kind'],
    ref: WorkflowRef,
    command: { type: string },
    decisionId: string,
    idempotencyKey?: string,
  ): Promise<DecisionOutcome> {
    const { deadlineMs, waitMs } = this.config.api.decisions;
    const began = Date.now();
    const deadline = began + deadlineMs;
    const ctx: CallContext = { workflowId: ref.id, kind, ...(idempotencyKey ? { idempotencyKey } : {}) };
    let sent = false;
    try {
      return await this.admission.run(ref.id, ref.agency, began + waitMs, async () => {
        sent = true;
        this.metrics.decisionWait.observe((Date.now() - began) / 1000);
        return this.client.withDeadline(deadline, () =>
          this.sendThroughRunSwitch(ref.id, command, decisionId, deadline),
        );
      });
    } catch (error) {
      if (error instanceof AdmissionRefused) {
        this.metrics.decisionsRefusedBusy.inc({ level: error.level });
        throw this.busyProblem(kind, error);
      }
      const problem = await this.problem(error, { ...ctx, sent });
      if (problem instanceof ProblemException && problem.problem.code === 'DECISION.OUTCOME_PENDING') {
        this.metrics.decisionsPending.inc({ kind });
        this.logger.warn(
          { workflowId: ref.id, decisionId, type: command.type, waitedMs: Date.now() - began },
          'decision outcome pending past the deadline',
        );
      }
      throw problem;
    }
  }

  /**
   * 429/503 at once, before anything else is spent on the request, for a decision whose round or
   * agency already has more waiting than it can serve within the wait (see DecisionAdmission.refuseNow).
   */
  busyNow(kind: CallContext['kind'], ref: WorkflowRef): ProblemException | undefined {
    const refused = this.admission.refuseNow(ref.id, ref.agency);
    if (!refused) return undefined;
    this.metrics.decisionsRefusedBusy.inc({ level: refused.level });
    return this.busyProblem(kind, refused);
  }

  /** A Query, through the moment a round folds back after continue-as-new, within a deadline. */
  async query<T>(kind: CallContext['kind'], id: string, query: QueryDefinition<T>): Promise<T> {
    try {
      const deadline = Date.now() + QUERY_DEADLINE_MS;
      return await this.client.withDeadline(deadline, async () => {
        for (;;) {
          try {
            return await this.client.workflow.getHandle(id).query(query);
          } catch (error) {
            if (!isRestoring(error) || Date.now() + SWITCH_RETRY_MS >= deadline) throw error;
            await new Promise((resolve) => setTimeout(resolve, SWITCH_RETRY_MS));
          }
        }
      });
    } catch (error) {
      throw await this.problem(error, { workflowId: id, kind });
    }
  }

  private busyProblem(kind: CallContext['kind'], refused: AdmissionRefused): ProblemException {
    const status = refused.level === 'service' ? 503 : 429;
    const code =
      refused.level === 'service'
        ? 'SERVICE.OVERLOADED'
        : `${refused.level === 'round' ? kind : 'AGENCY'}.BUSY`;
    return unavailable(
      status,
      code,
      `The ${refused.level === 'round' ? kind.toLowerCase() : refused.level} is taking as many decisions as it can; nothing was decided. Send this one again after the advised delay.`,
      refused.retryAfterSeconds,
    );
  }

  private async sendThroughRunSwitch(
    workflowId: string,
    command: { type: string },
    updateId: string,
    deadline: number,
  ): Promise<DecisionOutcome> {
    for (;;) {
      try {
        return await this.client.workflow
          .getHandle(workflowId)
          .executeUpdate<DecisionOutcome, [typeof command]>(command.type, { args: [command], updateId });
      } catch (error) {
        if (!isSwitchingRuns(error) || Date.now() + SWITCH_RETRY_MS >= deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, SWITCH_RETRY_MS));
      }
    }
  }

  /** The problem for a failed call; a workflow not found is told apart from one that finished by asking Temporal (describe). */
  private async problem(error: unknown, ctx: CallContext): Promise<unknown> {
    const mapped = problemOfTemporal(error, ctx);
    if (mapped !== 'not-found') return mapped;
    try {
      const description = await this.client.withDeadline(Date.now() + QUERY_DEADLINE_MS, () =>
        this.client.workflow.getHandle(ctx.workflowId).describe(),
      );
      // Running, yet the call found no workflow: not a case Temporal documents; shown as the error it was.
      return description.status.name === 'RUNNING' ? error : finishedProblem(ctx.workflowId, ctx.kind);
    } catch (described) {
      if (described instanceof WorkflowNotFoundError) return notFoundProblem(ctx.workflowId, ctx.kind);
      const again = problemOfTemporal(described, ctx);
      return again === 'not-found' ? notFoundProblem(ctx.workflowId, ctx.kind) : again;
    }
  }
}
