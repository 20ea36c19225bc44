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
  /** Each step as run (or taken from the layer cache), with its duration. */
  log: string;
}

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) =>
      e.isDirectory() ? filesUnder(dir, join(prefix, e.name)) : e.isFile() ? [join(prefix, e.name)] : [],
    );
}

/** Copies files, replacing (never writing through) what is there: a restored layer shares its files by hard links. */
function copyFiles(from: string, files: string[], to: string): void {
  for (const f of files) {
    mkdirSync(dirname(join(to, f)), { recursive: true });
    rmSync(join(to, f), { force: true });
    cpSync(join(from, f), join(to, f));
  }
}

const hashFiles = (base: string, files: string[], seed: string): string =>
  files
    .reduce((h, f) => h.update(f).update(readFileSync(join(base, f))), createHash('sha256').update(seed))
    .digest('hex')
    .slice(0, 16);

/**
 * Runs a Dockerfile's stages outside Docker, in order, each stage's WORKDIR being a folder of its
 * own: `COPY . .` copies the context, `COPY --from=<stage> <path> <dest>` copies from that stage's
 * folder, `RUN` runs its command with `sh -c` there with the stage's ENV (a `--mount=type=cache` is
 * the machine's own npm cache), `USER`, `EXPOSE`, `HEALTHCHECK` and `CMD` are left to the caller.
 *
 * Caches as Docker does, under `cacheDir`: each step has a key chained from the previous one and,
 * for a COPY, the content it copies; a RUN whose stage has not copied the whole context (the
 * `npm ci` after copying only the manifests) keeps its result as a layer, restored by hard links
 * when the same key comes again. The finished image is kept by the hash of the Dockerfile and every
 * context file. One build's layers are kept; the build stages' folders are removed after.
 */
export function buildOutsideDocker(
  context: string,
  cacheDir: string,
  log: (line: string) => void,
): BuiltImage {
  const dockerfile = readFileSync(join(context, 'Dockerfile'), 'utf8');
  const stages = parseDockerfile(dockerfile);
  const files = contextFiles(context).sort();
  const hash = hashFiles(context, files, dockerfile);
  const root = join(cacheDir, 'image-outside-docker');
  const layers = join(root, 'layers');
  const done = join(root, hash);
  const runtime = stages.at(-1) as Stage;
  const logFile = join(root, 'last-build.log');
  if (existsSync(join(done, '.built')))
    return { dir: join(done, runtime.name), stages, built: false, log: logFile };
  mkdirSync(layers, { recursive: true });
  // An older image is the previous tree's: one kept.
  for (const old of readdirSync(root))
    if (!['layers', 'last-build.log'].includes(old))
      rmSync(join(root, old), { recursive: true, force: true });
  const staging = join(root, `${hash}.${process.pid}`);
  const used = new Set<string>();
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
      let key = createHash('sha256').update(stage.base).digest('hex');
      let hasContext = false;
      for (const step of stage.instructions) {
        const started = Date.now();
        let note = '';
        const chain = (...parts: string[]): void => {
          key = createHash('sha256').update(key).update(parts.join('\0')).digest('hex').slice(0, 32);
        };
        if (step.keyword === 'WORKDIR') {
          if (step.args !== '/app') throw new Error(`WORKDIR ${step.args}: the runner maps /app only`);
        } else if (step.keyword === 'ENV') {
          const [, name = '', value = ''] = /^(\w+)=(.*)$/.exec(step.args) ?? [];
          env[name] = value;
          chain('ENV', step.args);
        } else if (step.keyword === 'COPY') {
          const [from = '', to = ''] = step.args.split(/\s+/);
          if (step.flags['from']) {
            const source = dirs.get(step.flags['from']);
            if (!source) throw new Error(`COPY --from=${step.flags['from']}: no such stage`);
            const base = join(source, posix.relative('/app', from));
            const copied = filesUnder(base);
            chain('COPY', step.args, hashFiles(base, copied, ''));
            copyFiles(base, copied, join(dir, to));
          } else {
            if (from !== '.' || to !== '.')
              throw new Error(`COPY ${step.args}: the runner copies the context as a whole`);
            chain('COPY', step.args, hash);
            hasContext = true;
            copyFiles(context, files, dir);
          }
        } else if (step.keyword === 'RUN') {
          chain('RUN', step.args);
          const layer = join(layers, key);
          if (!hasContext && existsSync(join(layer, '.layer'))) {
            rmSync(dir, { recursive: true, force: true });
            execFileSync('cp', ['-al', join(layer, 'app'), dir]);
            note = ', layer cached';
          } else {
            const output = execFileSync('sh', ['-c', step.args], {
              cwd: dir,
              env,
              encoding: 'utf8',
              stdio: ['ignore', 'pipe', 'pipe'],
              maxBuffer: 64 * 1024 * 1024,
            });
            out.push(output);
            if (!hasContext) {
              rmSync(layer, { recursive: true, force: true });
              mkdirSync(layer, { recursive: true });
              execFileSync('cp', ['-al', dir, join(layer, 'app')]);
              writeFileSync(join(layer, '.layer'), `${step.args}\n`);
            }
          }
          if (!hasContext) used.add(key);
        }
        say(`[${stage.name}] ${step.keyword} ${step.args} (${Date.now() - started} ms${note})`);
      }
    }
    // Only the last stage is the image; only this build's layers are kept.
    for (const stage of stages.slice(0, -1))
      rmSync(join(staging, stage.name), { recursive: true, force: true });
    for (const old of readdirSync(layers))
      if (!used.has(old)) rmSync(join(layers, old), { recursive: true, force: true });
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
