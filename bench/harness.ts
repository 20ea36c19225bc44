import { closeSync, fdatasyncSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { EngineEndpoints } from '@selter/engines';

/** What every result file records about the machine it ran on. */
export interface MachineInfo {
  nproc: number;
  memoryGiB: number;
  cpuModel: string;
  /** 8 kB write + fdatasync per second on the disk PostgreSQL writes to (as pg_test_fsync's first line). */
  fsyncPerSecond: number;
  node: string;
}

export interface BenchContext {
  /** Engines started for this run (only those a selected scenario needs). */
  engines: EngineEndpoints;
  /** Scratch folder on the same disk as the engines' data. */
  workDir: string;
  cacheDir: string;
  log: (line: string) => void;
}

export interface ScenarioResult {
  unit: string;
  value: number;
  /** The same-run reference the value is compared with; `ratio` = value / baseline unless stated. */
  baseline: number;
  ratio: number;
  /** Anything else worth keeping (targets, percentiles, parameters). */
  details?: Record<string, unknown>;
}

export interface Scenario {
  name: string;
  description: string;
  needs: ReadonlyArray<'postgres' | 'temporal' | 'kafka'>;
  run(ctx: BenchContext): Promise<ScenarioResult>;
}

/** Measures fdatasync'd 8 kB writes per second in `dir` for about `ms` milliseconds. */
export function measureFsyncRate(dir: string, ms = 1_000): number {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `fsync-probe-${process.pid}`);
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(8192, 7);
  let ops = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(ms) * 1_000_000n;
  try {
    while (process.hrtime.bigint() - start < budget) {
      writeSync(fd, block, 0, block.length, 0);
      fdatasyncSync(fd);
      ops += 1;
    }
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
  return Math.round((ops * 1e9) / Number(process.hrtime.bigint() - start));
}

/** Describes this machine, measuring the fsync rate in `dir`. */
export function machineInfo(dir: string): MachineInfo {
  return {
    nproc: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    fsyncPerSecond: measureFsyncRate(dir),
    node: process.version,
  };
}

/** Runs `fn` `times` times and returns the median of the measured values (robust to a noisy neighbour). */
export async function medianOf(times: number, fn: () => Promise<number>): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < times; i += 1) values.push(await fn());
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)] ?? Number.NaN;
}
