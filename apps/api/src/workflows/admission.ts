/**
 * Admission of decisions (ADR 16). A decision first waits its turn in its round (FIFO, at most
 * `perRound` at once: below Temporal's 10 in-flight Updates per workflow), then for one of the
 * API's `total` slots. The slots are shared fairly between agencies: when one frees, it goes to
 * the waiting agency that used the fewest slots lately (an exponentially decaying count, half-life
 * USAGE_HALF_LIFE_MS; the oldest waiter within it), and no agency holds more than `perAgency`. So
 * one agency's flood takes what the others leave and no more: theirs find a slot at the next release. `total` is sized to what the worker
 * behind the API can run at once without queueing inside (the machine, not a policy). A decision
 * that gets no turn within its wait is refused before anything is sent: `level` names what was full.
 */
export interface AdmissionLimits {
  readonly perRound: number;
  readonly perAgency: number;
  readonly total: number;
  /**
   * Decisions a second one agency may start while another agency is deciding too (a token bucket
   * holding one second's worth); unlimited while it is the only one. See `SharedRate`.
   */
  readonly sharedRatePerAgency?: number;
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
    const timer = setTimeout(
      () => {
        const i = queue.indexOf(waiter);
        if (i >= 0) queue.splice(i, 1);
        resolve(false);
      },
      Math.max(0, deadline - Date.now()),
    );
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

/** How fast an agency's recent use of the slots is forgotten. */
const USAGE_HALF_LIFE_MS = 2_000;

/** A per-agency count decaying with USAGE_HALF_LIFE_MS (admissions, refusals). */
export class Usage {
  private readonly counts = new Map<string, { value: number; at: number }>();

  of(agency: string, now = Date.now()): number {
    const c = this.counts.get(agency);
    return c ? c.value * 2 ** (-(now - c.at) / USAGE_HALF_LIFE_MS) : 0;
  }

  /** Whether an agency other than `agency` was counted lately (about one count within the last half-life). */
  othersActive(agency: string, now = Date.now()): boolean {
    for (const [other] of this.counts) if (other !== agency && this.of(other, now) >= 0.5) return true;
    return false;
  }

  add(agency: string, now = Date.now()): void {
    this.counts.set(agency, { value: this.of(agency, now) + 1, at: now });
    if (this.counts.size > 10_000)
      for (const [a] of this.counts) if (this.of(a, now) < 0.01) this.counts.delete(a);
  }
}

/** The API's decision slots, shared max-min fairly between agencies. */
class FairSlots {
  private inFlight = 0;
  private readonly agencies = new Map<string, AgencyShare>();
  readonly usage = new Usage();

  constructor(
    private readonly total: number,
    private readonly perAgency: number,
  ) {}

  get load(): number {
    let waiting = 0;
    for (const a of this.agencies.values()) waiting += a.waiters.length;
    return this.inFlight + waiting;
  }

  /** Decisions of this agency waiting for a slot. */
  waitingOf(agency: string): number {
    return this.agencies.get(agency)?.waiters.length ?? 0;
  }

  /** Why a decision of this agency would wait now: its own cap, or the API's. */
  fullLevel(agency: string): BusyLevel {
    return (this.agencies.get(agency)?.inFlight ?? 0) >= this.perAgency ? 'agency' : 'service';
  }

  async enter(agency: string, deadline: number): Promise<boolean> {
    const share = this.share(agency);
    if (this.inFlight < this.total && share.inFlight < this.perAgency && share.waiters.length === 0) {
      this.take(agency, share);
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

  /** Grants free slots, each to the waiting agency that used the fewest lately (then the oldest waiter). */
  private dispatch(): void {
    const now = Date.now();
    while (this.inFlight < this.total) {
      let best: { agency: string; share: AgencyShare; usage: number } | undefined;
      for (const [agency, share] of this.agencies) {
        const head = share.waiters[0];
        if (!head || share.inFlight >= this.perAgency) continue;
        const usage = this.usage.of(agency, now);
        if (
          !best ||
          usage < best.usage ||
          (usage === best.usage && head.since < best.share.waiters[0]!.since)
        )
          best = { agency, share, usage };
      }
      if (!best) return;
      this.take(best.agency, best.share);
      best.share.waiters.shift()!.grant();
    }
  }

  private take(agency: string, share: AgencyShare): void {
    share.inFlight += 1;
    this.inFlight += 1;
    this.usage.add(agency);
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

/**
 * Each agency's rate while the service is shared (ADR 31). Fair slots share the decisions in flight,
 * but the machine behind them is shared too: a flooding agency that takes every slot another leaves
 * keeps the worker, the event store and Temporal at full load, and the quiet agency's decisions,
 * though admitted first, wait behind that work for CPU (4-6x their latency on 2 cores). So while
 * another agency has decided lately, an agency starts at most `rate` decisions a second (a token
 * bucket of one second's worth); beyond, its decisions are refused at the door with 429
 * AGENCY.BUSY. Alone, an agency is not limited: the quota costs nothing when nobody needs protecting.
 */
class SharedRate {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly rate: number) {}

  /** Whether a decision of this agency may start now; takes its token when `take`. */
  allows(agency: string, take: boolean, now = Date.now()): boolean {
    const b = this.buckets.get(agency) ?? { tokens: this.rate, at: now };
    b.tokens = Math.min(this.rate, b.tokens + ((now - b.at) / 1000) * this.rate);
    b.at = now;
    this.buckets.set(agency, b);
    if (this.buckets.size > 10_000)
      for (const [a, other] of this.buckets) if (now - other.at > 60_000) this.buckets.delete(a);
    if (b.tokens < 1) return false;
    if (take) b.tokens -= 1;
    return true;
  }
}

/** Queues longer than this many times their concurrency are refused at the door (`refuseNow`). */
const SATURATED = 2;

/** Admission of the API's decisions: per round, then the fair shared slots. */
export class DecisionAdmission {
  private readonly rounds = new Map<string, RoundGate>();
  private readonly slots: FairSlots;
  private readonly shared?: SharedRate;
  /** Each agency's recent refusals, to advise a Retry-After that spreads its callers out (see `agencyRetryAfter`). */
  private readonly refusals = new Usage();
  /** Recent service time of an admitted decision (ms, moving average), to advise Retry-After. */
  private serviceMs = 100;

  constructor(private readonly limits: AdmissionLimits) {
    this.slots = new FairSlots(limits.total, limits.perAgency);
    if (limits.sharedRatePerAgency) this.shared = new SharedRate(limits.sharedRatePerAgency);
  }

  /** Refused for its agency's shared rate (`take`: and counted if not refused), or undefined. */
  private overSharedRate(agency: string, take: boolean): AdmissionRefused | undefined {
    if (!this.shared || !this.slots.usage.othersActive(agency)) return undefined;
    if (this.shared.allows(agency, take)) return undefined;
    return new AdmissionRefused('agency', this.agencyRetryAfter(agency, 1));
  }

  /** Decisions admitted or waiting for a slot, and rounds with decisions (for metrics). */
  get load(): { slots: number; rounds: number } {
    return { slots: this.slots.load, rounds: this.rounds.size };
  }

  /**
   * A decision over its agency's shared rate, or one that would only join a queue already longer
   * than it could leave within its wait (more than SATURATED times the concurrency ahead): refused at once, before the request costs
   * anything more (an idempotency claim, a token check); `undefined` when it may wait its turn.
   */
  refuseNow(roundId: string, agency: string): AdmissionRefused | undefined {
    const overRate = this.overSharedRate(agency, false);
    if (overRate) return overRate;
    const round = this.rounds.get(roundId);
    if (round && round.waiters.length >= SATURATED * this.limits.perRound)
      return new AdmissionRefused(
        'round',
        this.retryAfter(round.active + round.waiters.length, this.limits.perRound),
      );
    const waiting = this.slots.waitingOf(agency);
    if (waiting >= SATURATED * this.limits.total)
      return new AdmissionRefused(
        this.slots.fullLevel(agency),
        this.agencyRetryAfter(agency, this.retryAfter(this.slots.load, this.limits.total)),
      );
    return undefined;
  }

  /**
   * Runs `send` once the round and a fair slot have room, waiting at most until `admitBy`;
   * refused with AdmissionRefused otherwise (nothing sent).
   */
  async run<T>(roundId: string, agency: string, admitBy: number, send: () => Promise<T>): Promise<T> {
    const overRate = this.overSharedRate(agency, true);
    if (overRate) throw overRate;
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
        throw new AdmissionRefused(
          level,
          this.agencyRetryAfter(
            agency,
            this.retryAfter(ahead, level === 'agency' ? this.limits.perAgency : this.limits.total),
          ),
        );
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

  /**
   * An agency refused again and again has more callers than its share serves: advised to come back
   * after (its refusals / its admissions, both recent) seconds, so its callers spread out instead of
   * spending the service on refusals. Callers who obey settle where that ratio equals the delay
   * (about the square root of callers per decision per second); never less than `base`, at most 30.
   */
  private agencyRetryAfter(agency: string, base: number): number {
    this.refusals.add(agency);
    const ratio = this.refusals.of(agency) / Math.max(1, this.slots.usage.of(agency));
    return Math.min(30, Math.max(base, Math.ceil(ratio)));
  }

  /** Seconds until the decisions ahead would have been served, at least 1, at most 30. */
  private retryAfter(ahead: number, concurrency: number): number {
    return Math.min(30, Math.max(1, Math.ceil(((ahead / Math.max(1, concurrency)) * this.serviceMs) / 1000)));
  }
}
