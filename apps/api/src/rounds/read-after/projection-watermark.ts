import { Inject, Injectable, Logger, Optional, type OnModuleDestroy } from '@nestjs/common';
import { PROJECTED_CHANNEL, projectedVersions, ROUND_READ_MODELS } from '@selter/projections';
import type { Sql } from 'postgres';
import { SQL } from '../../infrastructure/tokens';

/** How long a read with `minVersion` waits at most for the read models (ADR 23). */
export const READ_AFTER_WAIT_MS = 2_000;
/** Reads waiting at once in this process; one more is refused 503 with Retry-After. */
export const READ_AFTER_MAX_WAITERS = 1_000;
/** The shared re-read while anyone waits, in case a notification is lost. */
const FALLBACK_POLL_MS = 250;
const MODELS = ROUND_READ_MODELS.map((m) => m.name);

/** Other bounds than READ_AFTER_WAIT_MS and READ_AFTER_MAX_WAITERS (tests). */
export const READ_AFTER_LIMITS = Symbol('READ_AFTER_LIMITS');
export interface ReadAfterLimits {
  readonly waitMs?: number;
  readonly maxWaiters?: number;
}

export type WaitOutcome =
  | { readonly reached: true; readonly projectedVersion: number }
  | { readonly reached: false; readonly projectedVersion: number }
  | { readonly reached: 'busy' };

interface Waiter {
  readonly streamId: string;
  readonly version: number;
  settle(projected: number): void;
}

/**
 * Read-your-writes (ADR 23): waits until the round read models have projected a stream's
 * version. One watcher per process, not per request: it LISTENs on the projection runner's
 * channel (one connection), and on each wake-up, or every 250 ms while anyone waits, reads the
 * projected versions of every awaited stream in one query, then settles whoever is satisfied.
 * No waiter holds a connection; their number is bounded.
 */
@Injectable()
export class ProjectionWatermark implements OnModuleDestroy {
  private readonly log = new Logger(ProjectionWatermark.name);
  private readonly waiters = new Set<Waiter>();
  private listening: Promise<{ unlisten(): Promise<void> } | undefined> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  private again = false;

  private readonly waitMs: number;
  private readonly maxWaiters: number;

  constructor(
    @Inject(SQL) private readonly sql: Sql,
    @Optional() @Inject(READ_AFTER_LIMITS) limits: ReadAfterLimits | null = null,
  ) {
    this.waitMs = limits?.waitMs ?? READ_AFTER_WAIT_MS;
    this.maxWaiters = limits?.maxWaiters ?? READ_AFTER_MAX_WAITERS;
  }

  get waiting(): number {
    return this.waiters.size;
  }

  /** Resolves once `streamId` is projected up to `version`, or after `waitMs` with what is projected. */
  async waitFor(streamId: string, version: number, waitMs = this.waitMs): Promise<WaitOutcome> {
    if (this.waiters.size >= this.maxWaiters) return { reached: 'busy' };
    this.listen();
    return new Promise<WaitOutcome>((resolve) => {
      let last = 0;
      const waiter: Waiter = {
        streamId,
        version,
        settle: (projected) => {
          last = Math.max(last, projected);
          if (projected < version) return;
          clearTimeout(deadline);
          this.leave(waiter);
          resolve({ reached: true, projectedVersion: projected });
        },
      };
      const deadline = setTimeout(() => {
        this.leave(waiter);
        resolve({ reached: false, projectedVersion: last });
      }, waitMs);
      this.waiters.add(waiter);
      if (!this.timer) this.timer = setInterval(() => this.wake(), FALLBACK_POLL_MS);
      this.wake();
    });
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const listener = await this.listening?.catch(() => undefined);
    await listener?.unlisten().catch(() => undefined);
    await this.checking;
  }

  private leave(waiter: Waiter): void {
    this.waiters.delete(waiter);
    if (this.waiters.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  /** One LISTEN per process, opened at the first wait; without it the 250 ms re-read still works. */
  private listen(): void {
    this.listening ??= this.sql
      .listen(PROJECTED_CHANNEL, () => this.wake())
      .catch((error: unknown) => {
        this.log.warn(
          `LISTEN ${PROJECTED_CHANNEL} failed; waiting reads re-read every ${FALLBACK_POLL_MS} ms: ${String(error)}`,
        );
        this.listening = undefined;
        return undefined;
      });
  }

  /** One check at a time; a wake-up during one schedules exactly one more. */
  private wake(): void {
    if (this.checking) {
      this.again = true;
      return;
    }
    this.checking = (async () => {
      do {
        this.again = false;
        if (this.waiters.size === 0) return;
        const streams = [...new Set([...this.waiters].map((w) => w.streamId))];
        try {
          const projected = await projectedVersions(this.sql, MODELS, streams);
          for (const w of [...this.waiters]) w.settle(projected.get(w.streamId) ?? 0);
        } catch (error) {
          this.log.warn(`reading the projected versions failed; retrying: ${String(error)}`);
          return;
        }
      } while (this.again);
    })().finally(() => {
      this.checking = undefined;
    });
  }
}
