import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort, ManagedProcess, waitUntil } from '@selter/engines';
import { createTestDatabase, testEndpoints, uniqueName, type TestDatabase } from '@selter/testing';
import { TestIssuer } from '../api/test-issuer';
import { buildOutsideDocker, execForm, parseDockerfile, type BuiltImage, type Stage } from './dockerfile';

// Issue 17 item 3, ADR 0032: no Docker engine runs here, so the Dockerfile's own steps run outside
// Docker (parsed from it, in its order), and the result is started as the image would start it.
const ROOT = resolve(__dirname, '../..');
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');

interface Started {
  process: ManagedProcess;
  lines: string[];
}

describe('the image (Dockerfile steps run outside Docker)', () => {
  const work = join(testEndpoints().workDir, uniqueName('image'));
  let image: BuiltImage;
  let runtime: Stage;
  let db: TestDatabase;
  let issuer: TestIssuer;
  const running: Started[] = [];

  /** Runs an entry point of the image as its CMD would: `node <file>` in /app, with the image's ENV. */
  const run = (name: string, args: string[], env: NodeJS.ProcessEnv): Started => {
    const lines: string[] = [];
    const imageEnv = Object.fromEntries(
      runtime.instructions
        .filter((i) => i.keyword === 'ENV')
        .map((i) => i.args.split('=') as [string, string]),
    );
    const proc = new ManagedProcess({
      name,
      command: process.execPath,
      args,
      cwd: image.dir,
      // Only PATH from here: the image has no other of this machine's variables.
      env: { PATH: process.env['PATH'], ...imageEnv, LOG_FORMAT: 'json', ...env },
      logFile: join(work, `${name}.log`),
      onLine: (line) => void (line.trim() && lines.push(line)),
    });
    const started = { process: proc, lines };
    running.push(started);
    return started;
  };

  beforeAll(async () => {
    image = buildOutsideDocker(ROOT, testEndpoints().cacheDir, () => undefined);
    runtime = image.stages.at(-1) as Stage;
    [db, issuer] = await Promise.all([createTestDatabase('image'), TestIssuer.start()]);
  }, 600_000);
  afterAll(async () => {
    await Promise.all(running.map((s) => s.process.stop('SIGTERM', 10_000)));
    await Promise.all([db?.drop(), issuer?.stop()]);
  });

  it('has a build stage with dev dependencies and a slim runtime stage that runs as a non-root user', () => {
    const stages = parseDockerfile(dockerfile);
    expect(stages.map((s) => s.name)).toEqual(['manifests', 'build', 'runtime']);
    const runs = (s: Stage): string[] => s.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    const [, build, final] = stages as [Stage, Stage, Stage];
    // Each install sees only the manifests (a layer reused while they are unchanged), never the code.
    for (const stage of [build, final]) {
      const before = stage.instructions.slice(
        0,
        stage.instructions.findIndex((i) => i.keyword === 'RUN'),
      );
      expect(before.filter((i) => i.keyword === 'COPY').map((i) => [i.flags['from'], i.args])).toEqual([
        ['manifests', '/app/build/manifests ./'],
      ]);
    }
    // Dev dependencies in the build (patch-package, vite, the bundler), the console and the bundle built there.
    expect(runs(build)[0]).toMatch(/^npm ci\b(?!.*--omit=dev)/);
    expect(runs(build)).toEqual(
      expect.arrayContaining(['npm run web:build', 'node scripts/run.cjs apps/worker/src/bundle.ts']),
    );
    expect(runs(final)).toEqual([expect.stringMatching(/^npm ci --omit=dev\b/)]);
    expect(final.base).toMatch(/-slim$/);
    const user = final.instructions.filter((i) => i.keyword === 'USER').map((i) => i.args);
    expect(user).toEqual(['node']);
    const cmd = final.instructions.find((i) => i.keyword === 'CMD');
    expect(execForm(cmd?.args ?? '')).toEqual(['node', 'apps/api/src/main.js']);
    expect(final.instructions.find((i) => i.keyword === 'HEALTHCHECK')?.args).toMatch(/CMD \[/);
  });

  it('holds compiled JavaScript, production dependencies only, the patch, the console and the workflow bundle', () => {
    const at = (p: string): string => join(image.dir, p);
    expect(statSync(at('apps/api/src/main.js')).isFile()).toBe(true);
    expect(() => statSync(at('apps/api/src/main.ts'))).toThrow(/ENOENT/);
    // devDependencies are not there (typescript is: a peer of @swc-node/register, a dependency).
    for (const dev of ['vite', 'jest', 'eslint', 'nx', 'prettier'])
      expect(() => statSync(at(`node_modules/${dev}`))).toThrow(/ENOENT/);
    expect(statSync(at('apps/web/dist/index.html')).isFile()).toBe(true);
    expect(statSync(at('apps/worker/dist/workflow-bundle.js')).size).toBeGreaterThan(100_000);
    // patches/postgres+3.4.9.patch applied by the runtime stage's own install.
    const patch = readFileSync(join(ROOT, 'patches', 'postgres+3.4.9.patch'), 'utf8');
    const added = patch
      .split('\n')
      .filter((l) => l.startsWith('+') && !l.startsWith('+++') && l.trim().length > 12)
      .map((l) => l.slice(1).trim());
    expect(added.length).toBeGreaterThan(0);
    const patched = readFileSync(at('node_modules/postgres/cjs/src/connection.js'), 'utf8');
    for (const line of added.filter((l) => !l.startsWith('//'))) expect(patched).toContain(line);
  });

  it('migrates, then the worker polls and the api answers /health and serves /console', async () => {
    const taskQueue = uniqueName('image');
    const payloadKeys = process.env['TEMPORAL_PAYLOAD_KEYS_FILE'];
    const migrate = run('migrate', ['apps/backbone/src/migrate.js'], { DATABASE_OWNER_URL: db.ownerUrl });
    expect((await migrate.process.waitForExit()).code).toBe(0);
    const services = {
      DATABASE_URL: db.appUrl,
      TEMPORAL_ADDRESS: testEndpoints().temporalAddress,
      TEMPORAL_TASK_QUEUE: taskQueue,
      TEMPORAL_PAYLOAD_KEYS_FILE: payloadKeys,
    };
    const worker = run('worker', ['apps/worker/src/main.js'], services);
    const port = await freePort();
    const cmd = execForm(runtime.instructions.find((i) => i.keyword === 'CMD')?.args ?? '');
    const api = run('api', cmd.slice(1), {
      ...services,
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: String(port),
      AUTH_ISSUER: issuer.issuer,
      AUTH_JWKS_URL: issuer.jwksUrl,
    });
    const exited = (s: Started): string | undefined =>
      !s.process.hasExited
        ? undefined
        : `${s.process.options.name} exited:\n${s.lines.slice(-20).join('\n')}`;
    await waitUntil(
      'worker polling',
      async () => {
        if (!worker.lines.some((l) => l.includes('worker polling'))) throw new Error('not yet');
      },
      { timeoutMs: 90_000, intervalMs: 250, abortIf: () => exited(worker) },
    );
    const url = `http://127.0.0.1:${port}`;
    await waitUntil(
      'api healthy',
      async () => {
        if ((await fetch(`${url}/health`)).status !== 200) throw new Error('not yet');
      },
      { timeoutMs: 90_000, intervalMs: 250, abortIf: () => exited(api) ?? exited(worker) },
    );
    // The image's HEALTHCHECK command, pointed at this port, agrees.
    const check = execForm(
      (runtime.instructions.find((i) => i.keyword === 'HEALTHCHECK')?.args ?? '').replace(/^.*?CMD\s+/, ''),
    );
    const health = run('healthcheck', [...check.slice(1, -1), `${url}/health`], {});
    expect((await health.process.waitForExit()).code).toBe(0);
    const console = await fetch(`${url}/console/`);
    expect(console.status).toBe(200);
    expect(await console.text()).toMatch(/<div id="root">|<script type="module"/);
    // Production mode: no development issuer in the image.
    expect((await fetch(`${url}/dev-auth/jwks.json`)).status).toBe(404);
  }, 240_000);
});
