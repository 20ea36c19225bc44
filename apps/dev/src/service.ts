import { join, resolve } from 'node:path';
import { ManagedProcess } from '@selter/engines';
import type { Logger } from '@selter/logging';

const ROOT = resolve(__dirname, '../../..');

export interface ServiceSpec {
  name: 'api' | 'worker' | 'backbone' | 'witness';
  entry: string;
  env: NodeJS.ProcessEnv;
  logDir: string;
}

/**
 * One of our own processes (api, worker) under supervision: its output is echoed to the
 * terminal and kept in a log file; if it dies unexpectedly it is restarted with backoff.
 */
export class SupervisedService {
  private current: ManagedProcess | undefined;
  private stopping = false;
  private restarts = 0;

  constructor(
    private readonly spec: ServiceSpec,
    private readonly log: Logger,
  ) {}

  start(): void {
    const proc = new ManagedProcess({
      name: this.spec.name,
      command: process.execPath,
      args: [join(ROOT, 'scripts', 'run.cjs'), join(ROOT, this.spec.entry)],
      env: this.spec.env,
      cwd: ROOT,
      logFile: join(this.spec.logDir, `${this.spec.name}.log`),
      onLine: (line) => process.stdout.write(`${line}\n`),
    });
    this.current = proc;
    void proc.waitForExit().then(({ code, signal }) => {
      if (this.stopping || proc !== this.current) return;
      // 78 (EX_CONFIG): the process refused its configuration (a wrong variable, a database that is not
      // durable); it said why in one line, and starting it again would only repeat that line.
      if (code === 78) {
        this.log.error(
          { service: this.spec.name, code },
          `${this.spec.name} refused its configuration (see the line above); not restarting it`,
        );
        return;
      }
      this.restarts += 1;
      const delayMs = Math.min(30_000, 500 * 2 ** Math.min(this.restarts, 6));
      this.log.error(
        { service: this.spec.name, code, signal, delayMs },
        `${this.spec.name} exited unexpectedly; restarting`,
      );
      setTimeout(() => !this.stopping && this.start(), delayMs).unref();
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.current?.stop('SIGTERM', 20_000);
  }
}

/** Runs the migrate step (apps/backbone/src/migrate.ts) to its end, echoing its output; true when it succeeded. */
export async function runMigrateStep(env: NodeJS.ProcessEnv, logDir: string): Promise<boolean> {
  const proc = new ManagedProcess({
    name: 'migrate',
    command: process.execPath,
    args: [join(ROOT, 'scripts', 'run.cjs'), join(ROOT, 'apps/backbone/src/migrate.ts')],
    env,
    cwd: ROOT,
    logFile: join(logDir, 'migrate.log'),
    onLine: (line) => process.stdout.write(`${line}\n`),
  });
  const { code } = await proc.waitForExit();
  return code === 0;
}
