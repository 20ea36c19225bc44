import type { RecordRotationTests, RotationEvent, RotationState } from '../types';
import { requireStatus, type RCtx } from '../context';
import { fail } from '../../shared/errors';

/** RecordRotationTests: results only for eligible incumbents (R31); excused officials are listed with a reason. */
export function recordTests(command: RecordRotationTests, state: RotationState, ctx: RCtx): RotationEvent[] {
  const s = requireStatus(state, ['recommended'], command.type);
  const { results, excused = [] } = command.data;
  const outsider = [...results.map((r) => r.nip), ...excused.map((e) => e.nip)].find(
    (nip) => !s.eligible.includes(nip),
  );
  if (outsider) {
    const inPlan = s.incumbents.some((i) => i.nip === outsider);
    fail(
      inPlan ? 'ROTATION.NOT_ELIGIBLE' : 'ROTATION.UNKNOWN_OFFICIAL',
      `${outsider} tidak memenuhi syarat masa jabatan untuk uji kompetensi (R31)`,
      `${outsider} is not eligible by tenure for the test (R31)`,
      { nip: outsider },
    );
  }
  return [ctx.emit('RotationTestsRecorded', { results, excused })];
}
