import type { RoundEvent, RoundState } from '@selter/domain';
import { fold } from '@selter/domain/testing';
import { readStream } from '@selter/event-store';
import { auditWorld, type AuditWorld } from './audit-world.test-helper';
import { replayCommand } from './bundle-commands';

describe('auditor: replay a bundle to any position', () => {
  let w: AuditWorld;
  beforeAll(async () => (w = await auditWorld('auditor_replay')));
  afterAll(() => w.close());

  /** The store's own events up to `version`, folded by the domain. */
  const storeStateAt = async (version: number): Promise<RoundState> =>
    fold(
      (await readStream(w.sql, w.streamId, { version })).map(
        (e) => ({ type: e.type, data: e.data, metadata: e.metadata }) as unknown as RoundEvent,
      ),
    );

  it('the state at a position equals folding the store’s events to that version, for every version', async () => {
    for (let version = 0; version <= w.events.length; version += 1) {
      const outcome = replayCommand(w.file, version);
      expect(outcome.exitCode).toBe(0);
      expect((outcome.output as { state: RoundState }).state).toEqual(await storeStateAt(version));
    }
    expect(replayCommand(w.file, 3).output).toMatchObject({
      streamId: w.streamId,
      kind: 'round',
      verified: true,
      at: { streamVersion: 3, of: w.events.length, type: w.events[2]?.type },
    });
  });

  it('prints a readable summary: posts with status and applicant counts', () => {
    const last = replayCommand(w.file, undefined, { format: 'text' }).output as string;
    expect(last).toMatch(new RegExp(`^${w.streamId} at version ${w.events.length} of ${w.events.length}`));
    expect(last).toMatch(
      /round round-1: announced\npolicy: bkn-2024 \(.+\)\nposts:\n {2}post-01 .+: inaugurated, run 1, 5 applicants \(eligible 5, ineligible 0, withdrawn 0\)\n {2}post-02 .+: chosen, run 1, 5 applicants/,
    );
    expect(replayCommand(w.file, 1, { format: 'text' }).output).toMatch(
      /round round-1: planned\npolicy: bkn-2024 .*\nposts planned: 2$/,
    );
  });

  it('refuses a bundle that fails verification unless told --unverified, and then says so', () => {
    const file = w.tampered('payload', (b) => {
      const e = b.events[2];
      if (e) e.record = e.record.replace('"data":{', '"data":{"note":"forged",');
    });
    expect(replayCommand(file, 5)).toMatchObject({
      exitCode: 1,
      output: { refused: expect.any(String), problem: { code: 'HASH_MISMATCH', streamVersion: 3 } },
    });
    expect(replayCommand(file, 5, { unverified: true })).toMatchObject({
      exitCode: 0,
      output: { verified: false, problem: { streamVersion: 3 } },
    });
    expect(replayCommand(file, 5, { unverified: true, format: 'text' }).output).toMatch(
      /UNVERIFIED: HASH_MISMATCH at version 3/,
    );
    expect(replayCommand(w.file, w.events.length + 1).exitCode).toBe(64);
  });
});
