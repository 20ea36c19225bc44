/**
 * Admission of decisions (ADR 16). A decision first waits its turn in its round (FIFO, at most
 * `perRound` at once: below Temporal's 10 in-flight Updates per workflow), then for one of the
 * API's `total` slots. The slots are shared fairly between agencies: when one frees, it goes to
 * the waiting agency with the fewest decisions in flight (max-min fairness; the oldest waiter
 * within it), and no agency holds more than `perAgency`. So one agency's flood takes what the
 * others leave and no more: theirs still find a slot at once. `total` is sized to what the worker
 * behind the API can run at once without queueing inside (the machine, not a policy). A decision
 * that gets no turn within its wait is refused before anything is sent: `level` names what was full.
 */
export interface AdmissionLimits {
  readonly perRound: number;
  readonly perAgency: number;
  readonly total: number;
}

export type BusyLevel = 'round' | 'agency' | 'service';

/** Thrown when a decision did not get its turn in time; `retryAfterSeconds` estimates when it would. */
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
  readonly since: number;
  grant(): void;
}

/** Waits until `deadline` (ms since epoch) for `queue` to grant; false (and removed) if it did not. */
function wait(queue: Waiter[], deadline: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => {
      const i = queue.indexOf(waiter);
      if (i >= 0) queue.splice(i, 1);
      resolve(false);
    }, Math.max(0, deadline - Date.now()));
    const waiter: Waiter = {
      since: Date.now(),
      grant: () => {
        clearTimeout(timer);
        resolve(true);
      },
    };
    queue.push(waiter);
  });
}

/** A round's FIFO semaphore. */
class RoundGate {
  active = 0;
  readonly waiters: Waiter[] = [];

  constructor(private readonly limit: number) {}

  get idle(): boolean {
    return this.active === 0 && this.waiters.length === 0;
  }

  async enter(deadline: number): Promise<boolean> {
    if (this.active < this.limit && this.waiters.length === 0) {
      this.active += 1;
      return true;
    }
    return wait(this.waiters, deadline); // a grant hands over the slot of the decision that left
  }

  leave(): void {
    const next = this.waiters.shift();
    if (next) next.grant();
    else this.active -= 1;
  }
}

interface AgencyShare {
  inFlight: number;
  readonly waiters: Waiter[];
}

/** The API's decision slots, shared max-min fairly between agencies. */
class FairSlots {
  private inFlight = 0;
  private readonly agencies = new Map<string, AgencyShare>();

  constructor(
    private readonly total: number,
    private readonly perAgency: number,
  ) {}

  get load(): number {
    let waiting = 0;
    for (const a of this.agencies.values()) waiting += a.waiters.length;
    return this.inFlight + waiting;
  }

  /** Why a decision of this agency would wait now: its own cap, or the API's. */
  fullLevel(agency: string): BusyLevel {
    return (this.agencies.get(agency)?.inFlight ?? 0) >= this.perAgency ? 'agency' : 'service';
  }

  async enter(agency: string, deadline: number): Promise<boolean> {
    const share = this.share(agency);
    if (this.inFlight < this.total && share.inFlight < this.perAgency && share.waiters.length === 0) {
      this.take(share);
      return true;
    }
    const granted = await wait(share.waiters, deadline);
    if (!granted) this.forget(agency, share);
    return granted;
  }

  leave(agency: string): void {
    const share = this.agencies.get(agency);
    if (share) share.inFlight -= 1;
    this.inFlight -= 1;
    if (share) this.forget(agency, share);
    this.dispatch();
  }

  /** Grants free slots, each to the waiting agency with the fewest in flight (then the oldest waiter). */
  private dispatch(): void {
    while (this.inFlight < this.total) {
      let best: AgencyShare | undefined;
      for (const share of this.agencies.values()) {
        const head = share.waiters[0];
        if (!head || share.inFlight >= this.perAgency) continue;
        if (!best || share.inFlight < best.inFlight || (share.inFlight === best.inFlight && head.since < best.waiters[0]!.since)) best = share;
      }
      if (!best) return;
      this.take(best);
      best.waiters.shift()!.grant();
    }
  }

  private take(share: AgencyShare): void {
    share.inFlight += 1;
    this.inFlight += 1;
  }

  private share(agency: string): AgencyShare {
    let share = this.agencies.get(agency);
    if (!share) {
      share = { inFlight: 0, waiters: [] };
      this.agencies.set(agency, share);
    }
    return share;
  }

  private forget(agency: string, share: AgencyShare): void {
    if (share.inFlight === 0 && share.waiters.length === 0) this.agencies.delete(agency);
  }
}

/** Admission of the API's decisions: per round, then the fair shared slots. */
export class DecisionAdmission {
  private readonly rounds = new Map<string, RoundGate>();
  private readonly slots: FairSlots;
  /** Recent service time of an admitted decision (ms, moving average), to advise Retry-After. */
  private serviceMs = 100;

  constructor(private readonly limits: AdmissionLimits) {
    this.slots = new FairSlots(limits.total, limits.perAgency);
  }

  /** Decisions admitted or waiting for a slot, and rounds with decisions (for metrics). */
  get load(): { slots: number; rounds: number } {
    return { slots: this.slots.load, rounds: this.rounds.size };
  }

  /**
   * Runs `send` once the round and a fair slot have room, waiting at most until `admitBy`;
   * refused with AdmissionRefused otherwise (nothing sent).
   */
  async run<T>(roundId: string, agency: string, admitBy: number, send: () => Promise<T>): Promise<T> {
    let round = this.rounds.get(roundId);
    if (!round) {
      round = new RoundGate(this.limits.perRound);
      this.rounds.set(roundId, round);
    }
    const aheadInRound = round.active + round.waiters.length;
    if (!(await round.enter(admitBy))) {
      if (round.idle) this.rounds.delete(roundId);
      throw new AdmissionRefused('round', this.retryAfter(aheadInRound, this.limits.perRound));
    }
    try {
      const level = this.slots.fullLevel(agency);
      const ahead = this.slots.load;
      if (!(await this.slots.enter(agency, admitBy))) {
        throw new AdmissionRefused(level, this.retryAfter(ahead, level === 'agency' ? this.limits.perAgency : this.limits.total));
      }
      const began = Date.now();
      try {
        return await send();
      } finally {
        this.serviceMs = 0.9 * this.serviceMs + 0.1 * (Date.now() - began);
        this.slots.leave(agency);
      }
    } finally {
      round.leave();
      if (round.idle) this.rounds.delete(roundId);
    }
  }

  /** Seconds until the decisions ahead would have been served, at least 1, at most 30. */
  private retryAfter(ahead: number, concurrency: number): number {
    return Math.min(30, Math.max(1, Math.ceil(((ahead / Math.max(1, concurrency)) * this.serviceMs) / 1000)));
  }
}
