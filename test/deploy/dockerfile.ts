import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, posix } from 'node:path';

/** One instruction of a Dockerfile: its keyword, its flags (`--from=build`) and the rest. */
export interface Instruction {
  keyword: string;
  flags: Record<string, string>;
  args: string;
}

export interface Stage {
  name: string;
  base: string;
  instructions: Instruction[];
}

/**
 * Parses a Dockerfile into stages: line continuations joined, comments and parser directives
 * dropped, `--flag=value` options split off. Only what our Dockerfile uses is understood
 * (FROM, WORKDIR, ENV, COPY, RUN, USER, EXPOSE, HEALTHCHECK, CMD); anything else throws, so a
 * new instruction cannot be silently skipped by the test that runs the steps.
 */
export function parseDockerfile(text: string): Stage[] {
  const logical = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, keyword = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const flags: Record<string, string> = {};
    let args = rest;
    for (let m = /^--([a-z-]+)=(\S+)\s+/.exec(args); m; m = /^--([a-z-]+)=(\S+)\s+/.exec(args)) {
      flags[m[1] as string] = m[2] as string;
      args = args.slice(m[0].length);
    }
    const upper = keyword.toUpperCase();
    if (upper === 'FROM') {
      const [base = '', , name] = args.split(/\s+/);
      stages.push({ name: name ?? String(stages.length), base, instructions: [] });
      continue;
    }
    if (!['WORKDIR', 'ENV', 'COPY', 'RUN', 'USER', 'EXPOSE', 'HEALTHCHECK', 'CMD'].includes(upper))
      throw new Error(`Dockerfile: ${upper} is not understood by the outside-Docker runner`);
    const stage = stages.at(-1);
    if (!stage) throw new Error(`Dockerfile: ${upper} before FROM`);
    stage.instructions.push({ keyword: upper, flags, args });
  }
  return stages;
}

/** The exec form `["a", "b"]` of CMD/HEALTHCHECK as an argument list. */
export function execForm(args: string): string[] {
  const json = args.slice(args.indexOf('['));
  return JSON.parse(json) as string[];
}

/** Files `COPY . .` sends: tracked and untracked files, less what .dockerignore names (gitignore syntax, close enough for ours). */
export function contextFiles(context: string): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-from=.dockerignore', '-z'], {
    cwd: context,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
    .split('\0')
    .filter((f) => f !== '' && existsSync(join(context, f)));
}

export interface BuiltImage {
  /** The runtime stage's /app. */
  dir: string;
  stages: Stage[];
  /** True when this run built it; false when the cache had this context's build. */
  built: boolean;
  log: string;
}

/**
 * Runs a Dockerfile's stages outside Docker, in order, each stage's WORKDIR being a folder of its
 * own: `COPY . .` copies the context, `COPY --from=<stage> <path> <dest>` copies from that stage's
 * folder, `RUN` runs its command with `sh -c` there with the stage's ENV (a `--mount=type=cache` is
 * the machine's own npm cache), `USER`, `EXPOSE`, `HEALTHCHECK` and `CMD` are left to the caller.
 * The result is kept under `cacheDir`, keyed by the hash of the Dockerfile and every context file:
 * the same sources are built once per machine (the build stage's folder is removed after).
 */
export function buildOutsideDocker(
  context: string,
  cacheDir: string,
  log: (line: string) => void,
): BuiltImage {
  const dockerfile = readFileSync(join(context, 'Dockerfile'), 'utf8');
  const stages = parseDockerfile(dockerfile);
  const files = contextFiles(context);
  const hash = files
    .sort()
    .reduce(
      (h, f) => h.update(f).update(readFileSync(join(context, f))),
      createHash('sha256').update(dockerfile),
    )
    .digest('hex')
    .slice(0, 16);
  const root = join(cacheDir, 'image-outside-docker');
  const done = join(root, hash);
  const runtime = stages.at(-1) as Stage;
  const logFile = join(root, `${hash}.log`);
  if (existsSync(join(done, '.built')))
    return { dir: join(done, runtime.name), stages, built: false, log: logFile };
  // One build kept: an older one is the previous commit's.
  mkdirSync(root, { recursive: true });
  for (const old of readdirSync(root)) rmSync(join(root, old), { recursive: true, force: true });
  const staging = join(root, `${hash}.${process.pid}`);
  const out: string[] = [];
  const say = (line: string): void => {
    out.push(line);
    log(line);
  };
  try {
    const dirs = new Map<string, string>();
    for (const stage of stages) {
      const dir = join(staging, stage.name);
      mkdirSync(dir, { recursive: true });
      dirs.set(stage.name, dir);
      const env: NodeJS.ProcessEnv = { ...process.env };
      delete env['NODE_ENV']; // jest's `test`; the stage's own ENV applies
      for (const step of stage.instructions) {
        const started = Date.now();
        if (step.keyword === 'WORKDIR') {
          if (step.args !== '/app') throw new Error(`WORKDIR ${step.args}: the runner maps /app only`);
        } else if (step.keyword === 'ENV') {
          const [, name = '', value = ''] = /^(\w+)=(.*)$/.exec(step.args) ?? [];
          env[name] = value;
        } else if (step.keyword === 'COPY') {
          const [from = '', to = ''] = step.args.split(/\s+/);
          if (step.flags['from']) {
            const source = dirs.get(step.flags['from']);
            if (!source) throw new Error(`COPY --from=${step.flags['from']}: no such stage`);
            cpSync(join(source, posix.relative('/app', from)), join(dir, to), { recursive: true });
          } else {
            if (from !== '.' || to !== '.')
              throw new Error(`COPY ${step.args}: the runner copies the context as a whole`);
            for (const f of files) {
              mkdirSync(dirname(join(dir, f)), { recursive: true });
              cpSync(join(context, f), join(dir, f));
            }
          }
        } else if (step.keyword === 'RUN') {
          const output = execFileSync('sh', ['-c', step.args], {
            cwd: dir,
            env,
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'pipe'],
            maxBuffer: 64 * 1024 * 1024,
          });
          out.push(output);
        }
        say(`[${stage.name}] ${step.keyword} ${step.args} (${Date.now() - started} ms)`);
      }
    }
    // Only the last stage is the image.
    for (const stage of stages.slice(0, -1))
      rmSync(join(staging, stage.name), { recursive: true, force: true });
    writeFileSync(join(staging, '.built'), `${new Date().toISOString()}\n`);
    renameSync(staging, done);
    return { dir: join(done, runtime.name), stages, built: true, log: logFile };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`.slice(-8000));
  } finally {
    writeFileSync(logFile, out.join('\n'));
  }
}
