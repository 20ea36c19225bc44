import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

// openapi-typescript depends on ES modules that jest's CommonJS runtime cannot load, so the
// generator runs in its own Node process (which can) and prints what it would write.
const root = join(__dirname, '..', '..', '..');

describe('the generated API types', () => {
  it('match the checked-in OpenAPI snapshot (run `node scripts/run.cjs apps/web/tools/openapi.ts` when this fails)', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['scripts/run.cjs', 'apps/web/tools/openapi.ts', '--stdout'],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
    );
    expect(stdout === (await readFile(join(__dirname, '..', 'src', 'api', 'schema.d.ts'), 'utf8'))).toBe(
      true,
    );
  });
});
