import type {
  DecisionRefusal,
  ReadStreamPageInput,
  RecordDecisionsInput,
  RecordDecisionsResult,
  StoredDecisionEvent,
} from '@selter/contracts';
import { DomainError, type Decider } from '@selter/domain';
import { ApplicationFailure, currentUpdateInfo, log, workflowInfo } from '@temporalio/workflow';
import { misdirected, refusalOf } from './round/refusal';
import { workflowNowIso } from './workflow-time';

/** The store, as the ledger's activities reach it (ADR 16). */
export interface LedgerStore<E> {
  record(input: RecordDecisionsInput<E>): Promise<RecordDecisionsResult<E>>;
  read(input: ReadStreamPageInput): Promise<StoredDecisionEvent<E>[]>;
}

/** What a recorded decision answers its caller: its events and the stream version after them. */
export interface Recorded<E> {
  events: E[];
  version: number;
}

/** The code of a decision the store refused for good (ADR 16): nothing stored, the round goes on. */
export const STORE_REJECTED = 'EVENT_STORE.REJECTED';
/** The code of a decision the domain failed on with a bug (not a refusal): nothing stored, the round goes on. */
export const DECISION_FAILED = 'DECISION.FAILED';

/** Decisions recorded in one batch at most; a batch is one activity call and one INSERT. */
const BATCH = 50;
/** Events a `behind` or restore page carries. */
export const PAGE = 200;
/** Decisions whose events are kept to answer a resent decision without reading the store. */
const RECENT = 64;

interface Waiting<C, E> {
  readonly decisionId: string;
  readonly command: C;
  resolve(recorded: Recorded<E>): void;
  reject(error: unknown): void;
}

/**
 * An aggregate's record inside its workflow (ADR 16, superseding ADR 9's append path): decisions
 * wait in a queue and are decided and recorded in batches, one batch at a time, each against the
 * state folded from what the store holds. The store is the truth: `state` changes only after the
 * store answered, so a query never shows a decision that is not stored, and a workflow task that
 * Temporal discards after its append committed (a worker killed, a task timed out) cannot make the
 * workflow and the store disagree: the batch decided again in the retried task finds the stream
 * `behind`, folds what is there (answering the decisions it recognises by their ids), and decides
 * the rest anew. Every event's id derives from its decision's id (the Update id), so an id is never
 * reused for other content.
 */
export class DecisionLedger<C extends { type: string; metadata: object }, E, S extends { version: number }> {
  /** The fold of the stored stream up to `state.version`: nothing here is unstored. */
  state: S;
  private readonly queue: Array<Waiting<C, E>> = [];
  /** Every decision folded in this run (restored or recorded): its last version, and its events while recent. */
  private readonly known = new Map<string, { from: number; to: number }>();
  private readonly recent = new Map<string, E[]>();
  /** The batch being recorded: its state as if stored, for validators (`projected`). */
  private inFlight: S | undefined;
  private draining = false;
  /** Batches of one decision while a batch the store rejected is taken apart (find the poisoned one). */
  private isolate = 0;
  private ready: Promise<void> = Promise.resolve();
  private restoring = false;
  /**
   * Whether this workflow instance has seen the store confirm its state since it was (re)built. Not
   * deterministic, on purpose: only validators read it, and Temporal never runs a validator on
   * replay. Until then validators judge nothing that depends on state (see `check`).
   */
  private confirmed = false;

  constructor(
    readonly streamId: string,
    private readonly decider: Decider<C, E, S>,
    private readonly store: LedgerStore<E>,
    private readonly route: (command: C) => void = () => undefined,
    private readonly screen: (command: C) => void = () => undefined,
  ) {
    this.state = decider.initialState();
  }

  /** True when no decision waits or is being recorded. */
  get idle(): boolean {
    return this.queue.length === 0 && !this.draining;
  }

  /** Decisions waiting to be recorded (the round's metrics and the switch to a new run read it). */
  get waiting(): number {
    return this.queue.length + (this.inFlight ? 1 : 0);
  }

  /** Folds the stream from the store up to `version` (a new run after continue-as-new); decisions wait meanwhile. */
  restore(version: number): Promise<void> {
    this.restoring = true;
    const done = (async () => {
      while (this.state.version < version) {
        const page = await this.store.read({
          streamId: this.streamId,
          afterVersion: this.state.version,
          limit: Math.min(PAGE, version - this.state.version),
        });
        // A plain Error fails the workflow task, which Temporal retries: the store may be catching up.
        if (page.length === 0)
          throw new Error(`${this.streamId}: store ends at ${this.state.version}, expected ${version}`);
        this.absorb(page, false);
      }
      this.restoring = false;
    })();
    this.ready = done;
    return done;
  }

  /** Holds decisions until `preparation` settles (the round's calendar loaded and its state restored). */
  holdUntil(preparation: Promise<void>): Promise<void> {
    this.restoring = true;
    const done = preparation.then(() => {
      this.restoring = false;
    });
    this.ready = done;
    return done;
  }

  /**
   * An Update's validator: refuses what can never be recorded (wrong Update or workflow, text the
   * store must not hold) and, once this instance's state is confirmed by the store, what the domain
   * refuses on the state as it will be after the decisions already waiting. A decision already
   * recorded (resent after a run switch or a lost answer) is always admitted: its handler answers
   * the stored result.
   */
  check(type: C['type'], command: C): void {
    this.screenCommand(type, command);
    const id = currentUpdateInfo()?.id;
    if (id !== undefined && this.known.has(id)) return;
    if (!this.confirmed) return;
    this.decideOn(this.projected(), command);
  }

  /** Queues a decision to be decided and recorded in order; resolves once stored, rejects with its refusal. */
  submit(decisionId: string, command: C): Promise<Recorded<E>> {
    return new Promise<Recorded<E>>((resolve, reject) => {
      this.queue.push({ decisionId, command, resolve, reject });
      if (!this.draining) {
        this.draining = true;
        void this.drain().finally(() => {
          this.draining = false;
        });
      }
    });
  }

  /** The Update's own id inside its handler (the decision's id), else a fallback for commands that are not Updates. */
  static decisionIdOf(fallback: string): string {
    return currentUpdateInfo()?.id ?? fallback;
  }

  private screenCommand(type: C['type'], command: C): void {
    if (command.type !== type)
      throw misdirected('COMMAND.WRONG_UPDATE', `${command.type} sent to the ${type} update`, {
        type,
        got: command.type,
      });
    this.route(command);
    try {
      this.screen(command);
    } catch (error) {
      if (error instanceof DomainError) throw refusalOf(error);
      throw error;
    }
  }

  /** The state validators judge on: stored, then the batch in flight, then the decisions waiting. */
  private projected(): S {
    let state = this.inFlight ?? this.state;
    for (const w of this.queue) {
      try {
        state = this.fold(state, this.decideOn(state, w.command));
      } catch {
        // Refused here, so it changes nothing; its own validator or batch answers it.
      }
    }
    return state;
  }

  private decideOn(state: S, command: C): E[] {
    // The workflow run that decided is part of every event's metadata (STYLE.md rule 2).
    const { workflowId, runId } = workflowInfo();
    const stamped = { ...command, metadata: { ...command.metadata, workflowId, runId } };
    try {
      return this.decider.decide(stamped, state);
    } catch (error) {
      if (error instanceof DomainError) throw refusalOf(error);
      throw error;
    }
  }

  private fold(state: S, events: readonly E[]): S {
    return events.reduce((s, e) => this.decider.evolve(s, e), state);
  }

  private async drain(): Promise<void> {
    // A new run decides nothing before its state is back. Otherwise the first decision goes at
    // once, in this activation (a microtask's wait here cost a decision ~40 ms in round-e2e);
    // decisions arriving while it is recorded form the next batch.
    if (this.restoring) await this.ready;
    while (this.queue.length > 0) {
      const size = this.isolate > 0 ? 1 : BATCH;
      const batch = this.takeBatch(size);
      if (this.isolate > 0) this.isolate -= batch.length;
      await this.recordBatch(batch);
    }
  }

  /** Up to `size` waiting decisions in order, none twice (a second copy waits for the first's answer). */
  private takeBatch(size: number): Array<Waiting<C, E>> {
    const batch: Array<Waiting<C, E>> = [];
    const ids = new Set<string>();
    for (let i = 0; i < this.queue.length && batch.length < size;) {
      const w = this.queue[i]!;
      if (ids.has(w.decisionId)) {
        i += 1;
        continue;
      }
      ids.add(w.decisionId);
      batch.push(w);
      this.queue.splice(i, 1);
    }
    return batch;
  }

  private async recordBatch(batch: Array<Waiting<C, E>>): Promise<void> {
    const expectedVersion = this.state.version;
    let working = this.state;
    const decided: Array<{ w: Waiting<C, E>; events: E[] }> = [];
    const refused: Array<{ w: Waiting<C, E>; failure: unknown }> = [];
    const fresh: Array<Waiting<C, E>> = [];
    for (const w of batch) {
      if (this.known.has(w.decisionId)) {
        await this.answerKnown(w);
        continue;
      }
      fresh.push(w);
      try {
        const events = this.decideOn(working, w.command);
        working = this.fold(working, events);
        decided.push({ w, events });
      } catch (error) {
        refused.push({ w, failure: error instanceof ApplicationFailure ? error : this.failed(w, error) });
      }
    }
    if (fresh.length === 0) return;
    this.inFlight = working;
    let result: RecordDecisionsResult<E>;
    try {
      result = await this.store.record({
        streamId: this.streamId,
        expectedVersion,
        decisions: decided
          .filter((d) => d.events.length > 0)
          .map((d) => ({ decisionId: d.w.decisionId, events: d.events })),
        recordedAt: workflowNowIso(),
      });
    } finally {
      this.inFlight = undefined;
    }
    if (!workflowInfo().unsafe.isReplaying) this.confirmed = true;
    switch (result.outcome) {
      case 'recorded': {
        if (result.version !== working.version)
          throw new Error(
            `${this.streamId}: recorded up to ${result.version}, decided up to ${working.version}`,
          );
        this.state = working;
        let version = expectedVersion;
        for (const { w, events } of decided) {
          const from = version + 1;
          version += events.length;
          this.remember(w.decisionId, from, version, events);
          w.resolve({ events, version });
        }
        for (const { w, failure } of refused) w.reject(failure);
        return;
      }
      case 'behind':
        // Another attempt of this workflow stored decisions this one has not folded: fold them,
        // then decide this batch again (its decisions among them are answered from the store).
        log.warn('the store is ahead of the workflow: folding the stored decisions before deciding again', {
          streamId: this.streamId,
          expectedVersion,
          stored: result.stored.length,
        });
        this.absorb(result.stored, true);
        this.queue.unshift(...fresh);
        return;
      case 'rejected':
        if (fresh.length > 1) {
          // One of them holds what the store refuses: record them one by one to find it.
          this.isolate = fresh.length;
          this.queue.unshift(...fresh);
          return;
        }
        log.warn('the store refused a decision for good; nothing was recorded', {
          streamId: this.streamId,
          code: result.code,
          sqlState: result.sqlState,
          message: result.message,
        });
        for (const { w } of decided) w.reject(this.storeRejected(result));
        for (const { w, failure } of refused) w.reject(failure);
        return;
      case 'stale':
        // This attempt's workflow task is gone: a newer attempt stored events decided after this
        // batch (this worker was paused or cut off from Temporal past the task timeout). Deciding
        // on would answer, and might store, what the newer attempt has answered otherwise. Failing
        // the task ends this attempt; were it the live one (the server's clock gone back), the
        // retried task decides again at a later time.
        log.warn('a newer attempt of this workflow task stored later decisions; this attempt stops', {
          streamId: this.streamId,
          expectedVersion,
          recordedAt: result.recordedAt,
          follows: result.follows,
        });
        throw new Error(
          `${this.streamId}: batch decided at ${result.recordedAt} would follow an event recorded at ${result.follows} by a newer attempt`,
        );
      default: {
        const exhaustive: never = result;
        throw new Error(`unknown outcome ${JSON.stringify(exhaustive)}`);
      }
    }
  }

  /** Folds stored events the workflow has not seen, remembering each decision they belong to. */
  private absorb(page: readonly StoredDecisionEvent<E>[], keepEvents: boolean): void {
    const byDecision = new Map<string, { from: number; to: number; events: E[] }>();
    for (const { version, decisionId, event } of page) {
      if (version !== this.state.version + 1)
        throw new Error(`${this.streamId}: stored version ${version} follows ${this.state.version}`);
      this.state = this.decider.evolve(this.state, event);
      if (decisionId === undefined) continue;
      const entry = byDecision.get(decisionId) ?? { from: version, to: version, events: [] };
      entry.to = version;
      entry.events.push(event);
      byDecision.set(decisionId, entry);
    }
    for (const [id, { from, to, events }] of byDecision)
      this.remember(id, from, to, keepEvents ? events : undefined);
  }

  private remember(decisionId: string, from: number, to: number, events: E[] | undefined): void {
    this.known.set(decisionId, { from, to });
    if (!events) return;
    this.recent.set(decisionId, events);
    if (this.recent.size > RECENT) this.recent.delete(this.recent.keys().next().value as string);
  }

  /** A decision already recorded answers what the store holds for it, never a refusal. */
  private async answerKnown(w: Waiting<C, E>): Promise<void> {
    const { from, to } = this.known.get(w.decisionId)!;
    const events =
      this.recent.get(w.decisionId) ??
      (to >= from
        ? (
            await this.store.read({ streamId: this.streamId, afterVersion: from - 1, limit: to - from + 1 })
          ).map((e) => e.event)
        : []);
    w.resolve({ events, version: to });
  }

  private storeRejected(result: { code: string; message: string; sqlState?: string }): ApplicationFailure {
    const refusal: DecisionRefusal = {
      code: STORE_REJECTED,
      reason: {
        id: 'Penyimpanan catatan menolak keputusan ini (isinya tidak dapat disimpan); tidak ada yang dicatat dan seleksi tetap berjalan.',
        en: 'The record store refused this decision (its content cannot be stored); nothing was recorded and the round goes on.',
      },
      details: { ...(result.sqlState ? { sqlState: result.sqlState } : {}) },
    };
    return ApplicationFailure.create({
      type: result.code,
      message: `${result.code}: ${result.message}`,
      details: [refusal],
      nonRetryable: true,
    });
  }

  /** A decider that throws something other than a refusal has a bug: the decision fails, the round goes on. */
  private failed(w: Waiting<C, E>, error: unknown): ApplicationFailure {
    log.error('deciding failed with an error that is not a refusal', {
      streamId: this.streamId,
      decisionId: w.decisionId,
      type: w.command.type,
      error: String(error),
    });
    const refusal: DecisionRefusal = {
      code: DECISION_FAILED,
      reason: {
        id: 'Keputusan gagal diproses karena kesalahan sistem; tidak ada yang dicatat.',
        en: 'The decision failed on a system error; nothing was recorded.',
      },
      details: { type: w.command.type },
    };
    return ApplicationFailure.create({
      type: DECISION_FAILED,
      message: `${DECISION_FAILED}: ${String(error)}`,
      details: [refusal],
      nonRetryable: true,
    });
  }
}
