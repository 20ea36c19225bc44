import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';

const bundle = async (entry: string): Promise<string> =>
  (await bundleWorkflowCode({ workflowsPath: require.resolve(entry), logger: new DefaultLogger('WARN') }))
    .code;

describe('workflow bundles', () => {
  it('keeps the benchmark baseline out of the production bundle and in the bench one', async () => {
    const [production, bench] = await Promise.all([
      bundle('@selter/workflows'),
      bundle('@selter/workflows/bench'),
    ]);
    expect(production).toContain('selectionRound');
    expect(production).not.toContain('bareDecisions');
    expect(bench).toContain('selectionRound');
    expect(bench).toContain('bareDecisions');
  }, 180_000);
});
