import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ERROR_CODES } from './error-codes';
import { DomainError } from './errors';
import { decide, tryDecide } from '../round/decide';
import { aPlan, anAnnouncement, command } from '../testing/fixtures';
import { fold } from '../testing/run';

const SRC = join(__dirname, '..');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

describe('purity and errors', () => {
  it('reads no clock and no random source anywhere in src', () => {
    const clock = /Date\.now\(|new Date\(\s*\)|Math\.random\(|performance\.now\(/;
    const offenders = files(SRC).filter((f) =>
      clock.test(readFileSync(f, 'utf8').replace(/\/\.\*\?\//g, '')),
    );
    expect(offenders.map((f) => relative(SRC, f)).filter((f) => f !== 'shared/purity.spec.ts')).toEqual([]);
  });

  it('imports nothing but its own files in domain code (specs may use node: and fast-check)', () => {
    const imports = /from '([^']+)'/g;
    const foreign = files(SRC)
      .filter((f) => !f.endsWith('.spec.ts'))
      .flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(imports)].map((m) => `${relative(SRC, f)}: ${m[1]}`),
      )
      .filter((line) => !line.split(': ')[1]?.startsWith('.'));
    expect(foreign).toEqual([]);
  });

  it('throws DomainError with a catalogued code, a rule id and a bilingual reason', () => {
    try {
      decide(
        command('AnnounceRound', { ...anAnnouncement(aPlan()), secretariatContact: 'x' }, '2024-09-09'),
        fold([]),
      );
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      const e = error as DomainError;
      expect(ERROR_CODES[e.code]).toBeDefined();
      expect(e.reason.id).toBeTruthy();
      expect(e.reason.en).toBeTruthy();
      expect(e.toJSON()).toMatchObject({ code: 'ROUND.NOT_PLANNED' });
    }
  });

  it('returns refusals as values from tryDecide and carries the catalogue rule id', () => {
    const members = aPlan().pansel.members.slice(0, 4);
    const result = tryDecide(
      command(
        'PlanRound',
        { roundId: 'r', plan: aPlan(undefined, { pansel: { decreeNumber: 'x', members } }) },
        '2024-09-02',
      ),
      fold([]),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'PANSEL.SIZE_OUT_OF_RANGE', ruleId: 'R1' } });
  });

  it('passes workflow ids from command metadata to event metadata', () => {
    const cmd = { ...command('PlanRound', { roundId: 'r', plan: aPlan() }, '2024-09-02') };
    const events = decide(
      { ...cmd, metadata: { ...cmd.metadata, commandId: 'c-1', workflowId: 'round-r', runId: 'run-1' } },
      fold([]),
    );
    expect(events[0]?.metadata).toEqual({
      actor: { id: 'operator-1', role: 'operator' },
      correlationId: 'corr-1',
      causationId: 'c-1',
      workflowId: 'round-r',
      runId: 'run-1',
    });
  });
});
