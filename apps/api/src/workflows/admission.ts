/**
 * Admission of decisions (ADR 16): a FIFO semaphore per key, with a bounded wait. A round takes at
 * most `perRound` decisions in flight (below Temporal's 10 in-flight Updates per workflow), an
 * agency at most `perAgency` (so one agency's flood leaves room for every other), the API at most
 * `total`. A decision that cannot get its turn within its wait is refused before anything is sent:
 * `busy` names the level that was full, and nothing was decided.
 */
export interface AdmissionLimits {
  readonly perRound: number;
  readonly perAgency: number;
  readonly total: number;
}

export type BusyLevel = 'round' | 'agency' | 'service';

/** Thrown when a decision did not get its turn in time; `retryAfterSeconds` is an estimate of when it would. */
export class AdmissionRefused extends Error {
  override readonly name = 'AdmissionRefused';
  constructor(
    readonly level: BusyLevel,
    readonly retryAfterSeconds: number,
  ) {
    super(`the ${level} has no room for another decision now`);
  }
}

interface Waiter {
  granted: boolean;
  grant(): void;
}

/** One FIFO semaphore. */
class Gate {
  private active = 0;
  private readonly waiters: Waiter[] = [];

  constructor(private readonly limit: number) {}

  get load(): number {
    return this.active + this.waiters.length;
  }

  get idle(): boolean {
    return this.load === 0;
  }

  /** Resolves true once admitted, false if `deadline` (ms since epoch) passed first. */
  enter(deadline: number): Promise<boolean> {
    if (this.active < this.limit && this.waiters.length === 0) {
      this.active += 1;
      return Promise.resolve(true);
    }
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        resolve(false);
      }, Math.max(0, deadline - Date.now()));
      const waiter: Waiter = {
        granted: false,
        grant: () => {
          clearTimeout(timer);
          waiter.granted = true;
          resolve(true);
        },
      };
      this.waiters.push(waiter);
    });
  }

  leave(): void {
    const next = this.waiters.shift();
    if (next) next.grant();
    else this.active -= 1;
  }
}

/** The semaphores of every round and agency with decisions in flight, and the API's own. */
export class DecisionAdmission {
  private readonly rounds = new Map<string, Gate>();
  private readonly agencies = new Map<string, Gate>();
  private readonly all: Gate;
  /** Recent service time of an admitted decision (ms, moving average), to advise Retry-After. */
  private serviceMs = 100;

  constructor(private readonly limits: AdmissionLimits) {
    this.all = new Gate(limits.total);
  }

  /** Decisions admitted or waiting, per level (for metrics and health). */
  get load(): { total: number; rounds: number } {
    return { total: this.all.load, rounds: this.rounds.size };
  }

  /**
   * Runs `send` once the round, its agency and the API each have room, waiting at most until
   * `admitBy`; refused with AdmissionRefused otherwise (nothing sent).
   */
  async run<T>(roundId: string, agency: string, admitBy: number, send: () => Promise<T>): Promise<T> {
    const levels: Array<[BusyLevel, Map<string, Gate> | undefined, string, Gate]> = [];
    const round = this.gate(this.rounds, roundId, this.limits.perRound);
    const agencyGate = this.gate(this.agencies, agency, this.limits.perAgency);
    levels.push(['round', this.rounds, roundId, round], ['agency', this.agencies, agency, agencyGate], ['service', undefined, '', this.all]);
    const entered: typeof levels = [];
    try {
      for (const level of levels) {
        const [name, , , gate] = level;
        const queued = gate.load;
        if (!(await gate.enter(admitBy))) {
          throw new AdmissionRefused(name, this.retryAfter(queued, name === 'round' ? this.limits.perRound : name === 'agency' ? this.limits.perAgency : this.limits.total));
        }
        entered.push(level);
      }
      const began = Date.now();
      try {
        return await send();
      } finally {
        this.serviceMs = 0.9 * this.serviceMs + 0.1 * (Date.now() - began);
      }
    } finally {
      for (const [, map, key, gate] of entered.reverse()) {
        gate.leave();
        if (map && gate.idle) map.delete(key);
      }
      // A gate created for a decision refused before entering it is dropped when nobody uses it.
      for (const [, map, key, gate] of levels) if (map && gate.idle && map.get(key) === gate) map.delete(key);
    }
  }

  private gate(map: Map<string, Gate>, key: string, limit: number): Gate {
    let gate = map.get(key);
    if (!gate) {
      gate = new Gate(limit);
      map.set(key, gate);
    }
    return gate;
  }

  /** Seconds until the decisions ahead would have been served, at least 1, at most 30. */
  private retryAfter(ahead: number, concurrency: number): number {
    return Math.min(30, Math.max(1, Math.ceil(((ahead / Math.max(1, concurrency)) * this.serviceMs) / 1000)));
  }
}
