import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfigOrExit } from '@selter/config';
import { startEngines, type EngineEndpoints, type RunningEngines } from '@selter/engines';
import { machineInfo, type Scenario } from './harness';

const RESULTS = resolve(__dirname, 'results');

/** Every module in bench/scenarios is a scenario; `npm run bench -- name1 name2` picks some. */
function loadScenarios(only: string[]): Scenario[] {
  const dir = join(__dirname, 'scenarios');
  const all = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    .map((f) => (require(join(dir, f)) as { default: Scenario }).default)
    .sort((a, b) => a.name.localeCompare(b.name));
  const unknown = only.filter((name) => !all.some((s) => s.name === name));
  if (unknown.length)
    throw new Error(
      `unknown scenario(s): ${unknown.join(', ')}; known: ${all.map((s) => s.name).join(', ')}`,
    );
  return only.length ? all.filter((s) => only.includes(s.name)) : all;
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const scenarios = loadScenarios(process.argv.slice(2));
  const workDir = mkdtempSync(join(tmpdir(), 'selter-bench-'));
  chmodSync(workDir, 0o755);
  mkdirSync(RESULTS, { recursive: true });
  const log = (line: string): void => void process.stderr.write(`  ${line}\n`);
  const machine = machineInfo(workDir);
  process.stderr.write(`machine: ${JSON.stringify(machine)}\n`);
  const needed = new Set(scenarios.flatMap((s) => s.needs));
  let engines: RunningEngines | undefined;
  let failed = 0;
  try {
    if (needed.size > 0) {
      engines = await startEngines({
        dataDir: join(workDir, 'engines'),
        cacheDir: config.cacheDir,
        persistent: false,
        log,
      });
    }
    // Scenarios create a database each and tamper with stores on purpose: they get the superuser (ADR 0019).
    const e = engines?.endpoints;
    const superuser = e?.databaseSuperuserUrl ?? e?.databaseUrl ?? '';
    const endpoints: EngineEndpoints = {
      databaseUrl: superuser,
      databaseOwnerUrl: superuser,
      temporalAddress: e?.temporalAddress ?? '',
      ...(e?.kafkaBrokers ? { kafkaBrokers: e.kafkaBrokers } : {}),
    };
    for (const scenario of scenarios) {
      try {
        const r = await scenario.run({ engines: endpoints, workDir, cacheDir: config.cacheDir, log });
        const result = {
          scenario: scenario.name,
          unit: r.unit,
          value: r.value,
          baseline: r.baseline,
          ratio: r.ratio,
          machine,
          ...(r.details ? { details: r.details } : {}),
        };
        writeFileSync(join(RESULTS, `${scenario.name}.json`), `${JSON.stringify(result, null, 2)}\n`);
        const round = (n: number): string => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(3));
        process.stdout.write(
          `${scenario.name}: ${round(r.value)} ${r.unit} (baseline ${round(r.baseline)}, ratio ${r.ratio.toFixed(3)})\n`,
        );
      } catch (error) {
        failed += 1;
        process.stdout.write(
          `${scenario.name}: FAILED ${error instanceof Error ? error.message : String(error)}\n`,
        );
      }
    }
  } finally {
    await engines?.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
  process.exitCode = failed ? 1 : 0;
}

void main();
