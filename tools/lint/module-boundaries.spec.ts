import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

// Each deployable's allowed imports (eslint.config.mjs, README "Layout", docs/adr/0022) proven
// with fixtures: apps/<app>/lint-fixtures/forbidden--*.ts must fail @nx/enforce-module-boundaries,
// allowed--*.ts must lint clean. The rule silently does nothing without a cached project graph, so
// the graph is built first, and every app has at least one allowed and one forbidden fixture: a
// rule that did not run would pass the allowed ones and fail this test on the forbidden ones.

const ROOT = join(__dirname, '..', '..');
const RULE = '@nx/enforce-module-boundaries';

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; severity: number; message: string }[];
}

interface Fixture {
  app: string;
  file: string;
  kind: 'allowed' | 'forbidden';
  imports: string;
}

function fixtures(): Fixture[] {
  const apps = readdirSync(join(ROOT, 'apps'));
  return apps.flatMap((app) => {
    const dir = join(ROOT, 'apps', app, 'lint-fixtures');
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    } catch {
      return [];
    }
    return files.map((f) => {
      const [kind, imports] = f.replace(/\.ts$/, '').split('--') as [Fixture['kind'], string];
      return { app, file: join(dir, f), kind, imports };
    });
  });
}

const ALL = fixtures();

describe('module boundaries between the deployables', () => {
  const results = new Map<string, LintResult>();

  beforeAll(() => {
    // Builds (or refreshes) the cached project graph the rule reads.
    execFileSync(join(ROOT, 'node_modules', '.bin', 'nx'), ['show', 'projects'], {
      cwd: ROOT,
      stdio: 'ignore',
      env: { ...process.env, NX_DAEMON: 'false' },
    });
    // The repository's own configuration through ESLint's Node API (tools/lint/lint-files.mjs).
    const out = execFileSync(
      process.execPath,
      [join(__dirname, 'lint-files.mjs'), ...ALL.map((f) => f.file)],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
    );
    for (const result of JSON.parse(out.toString('utf8')) as LintResult[])
      results.set(result.filePath, result);
  }, 240_000);

  const boundaryErrors = (file: string): string[] =>
    (results.get(file)?.messages ?? [])
      .filter((m) => m.ruleId === RULE && m.severity === 2)
      .map((m) => m.message);

  it('has an allowed and a forbidden fixture for every app', () => {
    const apps = readdirSync(join(ROOT, 'apps'));
    for (const app of apps) {
      expect({ app, allowed: ALL.some((f) => f.app === app && f.kind === 'allowed') }).toEqual({
        app,
        allowed: true,
      });
      expect({ app, forbidden: ALL.some((f) => f.app === app && f.kind === 'forbidden') }).toEqual({
        app,
        forbidden: true,
      });
    }
  });

  it.each(ALL.filter((f) => f.kind === 'allowed').map((f) => [f.app, f.imports, f.file] as const))(
    '%s may import %s',
    (_app, _imports, file) => {
      expect(
        results
          .get(file)
          ?.messages.filter((m) => m.severity === 2)
          .map((m) => `${m.ruleId}: ${m.message}`),
      ).toEqual([]);
    },
  );

  it.each(ALL.filter((f) => f.kind === 'forbidden').map((f) => [f.app, f.imports, f.file] as const))(
    '%s may not import %s',
    (app, _imports, file) => {
      const errors = boundaryErrors(file);
      expect({ file: relative(ROOT, file), errors: errors.length }).toEqual({
        file: relative(ROOT, file),
        errors: 1,
      });
      expect(errors[0]).toMatch(
        new RegExp(
          `A project tagged with "scope:${app}" (can only depend on libs tagged with|is not allowed to import)`,
        ),
      );
    },
  );
});
