import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { bundleWorkflowCode, DefaultLogger, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

/** Where `nx build worker` leaves the pre-built workflow bundle. */
export const PREBUILT_BUNDLE = resolve(__dirname, '../dist/workflow-bundle.js');

/**
 * Bundles `@selter/workflows` with Temporal's webpack bundler. The libraries it imports are npm
 * workspace packages whose package.json points at their TypeScript source, which the bundler
 * resolves like any package (it ignores tsconfig `paths`, which we therefore do not use).
 */
export function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  // webpack's per-module report is noise in logs and test output; warnings and errors still show.
  return bundleWorkflowCode({
    workflowsPath: require.resolve('@selter/workflows'),
    logger: new DefaultLogger('WARN'),
  });
}

/**
 * In production (the image bundles at build time) the pre-built bundle; elsewhere always a fresh
 * one, so a bundle left by an earlier `nx build worker` never runs workflow code older than the source.
 */
export async function loadWorkflowBundle(production: boolean): Promise<{ code: string }> {
  if (production) {
    if (!existsSync(PREBUILT_BUNDLE))
      throw new Error(`no pre-built workflow bundle at ${PREBUILT_BUNDLE} (run: nx build worker)`);
    return { code: readFileSync(PREBUILT_BUNDLE, 'utf8') };
  }
  return bundleWorkflows();
}

// Run directly, or through scripts/run.cjs (which makes this file argv[1], not require.main).
if (require.main === module || process.argv[1] === __filename) {
  void bundleWorkflows().then(({ code }) => {
    mkdirSync(dirname(PREBUILT_BUNDLE), { recursive: true });
    writeFileSync(PREBUILT_BUNDLE, code);
    process.stderr.write(`workflow bundle written to ${PREBUILT_BUNDLE} (${code.length} bytes)\n`);
  });
}
