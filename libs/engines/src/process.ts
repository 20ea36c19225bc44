import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { chmodSync, closeSync, createWriteStream, mkdirSync, openSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';

export interface ManagedProcessOptions {
  /** Short name used in logs and errors (`postgres`, `temporal`, `kafka`). */
  name: string;
  command: string;
  args: readonly string[];
  /** Every line the process prints is appended here, so the terminal stays readable. */
  logFile: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  uid?: number;
  gid?: number;
  /** Called with each line of output, e.g. to detect readiness. */
  onLine?: (line: string) => void;
}

/**
 * A child process whose output goes to a log file and which can be stopped with a grace
 * period. Children stay in our process group, so a Ctrl-C in the terminal reaches them too
 * and nothing outlives the launcher.
 */
export class ManagedProcess {
  private readonly child: ChildProcess;
  private readonly log: WriteStream;
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  constructor(readonly options: ManagedProcessOptions) {
    mkdirSync(dirname(options.logFile), { recursive: true });
    // 0600: logs may carry ids of people and rounds (ASVS L2, ADR 21).
    closeSync(openSync(options.logFile, 'a', 0o600));
    chmodSync(options.logFile, 0o600);
    this.log = createWriteStream(options.logFile, { flags: 'a' });
    const spawnOptions: SpawnOptions = {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: options.env ?? process.env,
      ...(options.cwd ? { cwd: options.cwd } : {}),
      ...(options.uid !== undefined ? { uid: options.uid } : {}),
      ...(options.gid !== undefined ? { gid: options.gid } : {}),
    };
    this.child = spawn(options.command, [...options.args], spawnOptions);
    this.exited = new Promise((resolveExit) => {
      this.child.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        resolveExit(this.exitInfo);
      });
      this.child.once('error', (error) => {
        this.log.write(`[selter] failed to spawn ${options.command}: ${error.message}\n`);
        this.exitInfo = { code: -1, signal: null };
        resolveExit(this.exitInfo);
      });
    });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      let pending = '';
      stream?.on('data', (chunk: Buffer) => {
        // A killed process's pipes (shared with its own children) can still flush after exit.
        if (!this.log.writableEnded) this.log.write(chunk);
        if (!options.onLine) return;
        pending += chunk.toString('utf8');
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) options.onLine(line);
      });
    }
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get hasExited(): boolean {
    return this.exitInfo !== undefined;
  }

  /** Resolves when the process ends, for whatever reason. */
  waitForExit(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return this.exited;
  }

  /** Sends `signal`, waits up to `graceMs`, then SIGKILLs. Safe to call twice. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 15_000): Promise<void> {
    if (!this.hasExited) {
      this.child.kill(signal);
      const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    await new Promise<void>((done) => this.log.end(done));
  }

  /** Kills at once, as a crash would (used by fault tests). */
  async kill(): Promise<void> {
    await this.stop('SIGKILL', 0);
  }
}
