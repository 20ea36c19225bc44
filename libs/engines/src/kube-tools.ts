import { execFileSync, spawnSync } from 'node:child_process';
import { goInstall } from './go-install';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  HELM_VERSION,
  KUBECONFORM_VERSION,
  KUBERNETES_SCHEMA_VERSION,
  KUBERNETES_VALIDATE_VERSION,
} from './versions';

/** The tools that check the Helm chart without a cluster (ADR 0032). */
export interface KubeTools {
  helm: string;
  kubeconform: string;
  /** kubeconform's `-schema-location` template for the pinned Kubernetes version's strict schemas. */
  schemaLocation: string;
  kubernetesVersion: string;
}

/** `go install <module>@<version>` into `<cacheDir>/<name>-<version>/bin`, once per machine. */
function installGoTool(
  cacheDir: string,
  name: string,
  version: string,
  module: string,
  log: (line: string) => void,
): string | undefined {
  const versionDir = join(cacheDir, `${name}-${version}`);
  const binary = join(versionDir, 'bin', name);
  if (existsSync(binary)) return binary;
  if (spawnSync('go', ['version'], { stdio: 'ignore' }).status !== 0) return undefined;
  log(`building ${name} v${version} with go install (once per machine)`);
  return goInstall({ versionDir, binary: name, module, version, ldflags: '-s -w' });
}

/**
 * The Kubernetes JSON schemas, offline: PyPI's `kubernetes-validate` wheel (a zip) ships them per
 * Kubernetes version, with `$ref`s to a local `_definitions.json`. Downloaded with pip (no install),
 * and only the pinned version's strict folder is kept. Undefined without pip.
 */
function ensureSchemas(cacheDir: string, log: (line: string) => void): string | undefined {
  const dir = join(cacheDir, `kubernetes-schemas-${KUBERNETES_VALIDATE_VERSION}`);
  const strict = join(dir, `v${KUBERNETES_SCHEMA_VERSION}-local-strict`);
  if (existsSync(join(strict, '_definitions.json'))) return strict;
  const pip = ['pip3', 'pip'].find((p) => spawnSync(p, ['--version'], { stdio: 'ignore' }).status === 0);
  if (!pip) return undefined;
  const staging = join(dir, `staging.${process.pid}`);
  mkdirSync(staging, { recursive: true });
  log(
    `fetching the Kubernetes JSON schemas (PyPI kubernetes-validate ${KUBERNETES_VALIDATE_VERSION}, once per machine)`,
  );
  execFileSync(
    pip,
    [
      'download',
      '--no-deps',
      '--only-binary=:all:',
      '-d',
      staging,
      `kubernetes-validate==${KUBERNETES_VALIDATE_VERSION}`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const wheel = readdirSync(staging).find((f) => f.endsWith('.whl'));
  if (!wheel) throw new Error('pip downloaded no kubernetes-validate wheel');
  const inside = `kubernetes_validate/kubernetes-json-schema/v${KUBERNETES_SCHEMA_VERSION}-local-strict`;
  execFileSync('unzip', ['-q', '-o', join(staging, wheel), `${inside}/*`, '-d', staging]);
  // Their `$ref`s name `/api/_definitions.json` (a server's root); kubeconform resolves absolute
  // file URLs only, so each names the file where it now is.
  const extracted = join(staging, inside);
  const definitions = pathToFileURL(join(strict, '_definitions.json')).href;
  for (const file of readdirSync(extracted).filter((f) => f.endsWith('.json'))) {
    const text = readFileSync(join(extracted, file), 'utf8');
    writeFileSync(join(extracted, file), text.replaceAll('"/api/_definitions.json#', `"${definitions}#`));
  }
  if (!existsSync(strict)) renameSync(extracted, strict);
  rmSync(staging, { recursive: true, force: true });
  return strict;
}

/** Helm, kubeconform and the schemas, from the cache or built/fetched once; undefined when Go or pip is missing. */
export function ensureKubeTools(cacheDir: string, log: (line: string) => void): KubeTools | undefined {
  const helm = installGoTool(cacheDir, 'helm', HELM_VERSION, 'helm.sh/helm/v4/cmd/helm', log);
  const kubeconform = installGoTool(
    cacheDir,
    'kubeconform',
    KUBECONFORM_VERSION,
    'github.com/yannh/kubeconform/cmd/kubeconform',
    log,
  );
  const schemas = ensureSchemas(cacheDir, log);
  if (!helm || !kubeconform || !schemas) return undefined;
  return {
    helm,
    kubeconform,
    schemaLocation: join(schemas, '{{ .ResourceKind }}{{ .KindSuffix }}.json'),
    kubernetesVersion: KUBERNETES_SCHEMA_VERSION,
  };
}
