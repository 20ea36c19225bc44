import { RESTORING, SWITCHING_RUNS } from '@selter/contracts';
import { queryThroughRestore, sendThroughRunSwitch } from './run-switch';

/** A call that fails `times` times with `error`, then answers `value`. */
function flaky<T>(times: number, error: unknown, value: T): { call: () => Promise<T>; calls: () => number } {
  let calls = 0;
  return {
    call: () => (++calls <= times ? Promise.reject(error) : Promise.resolve(value)),
    calls: () => calls,
  };
}

describe('calls through a round switching runs (ADR 13)', () => {
  const switching = Object.assign(new Error('Workflow Update failed'), { cause: { type: SWITCHING_RUNS } });
  const refused = Object.assign(new Error('Workflow Update failed'), {
    cause: { type: 'POST.NOT_A_FINALIST' },
  });

  it('sends a decision again while the round switches runs, and only then', async () => {
    const ok = flaky(3, switching, 'accepted');
    await expect(sendThroughRunSwitch(ok.call, 10, 1)).resolves.toBe('accepted');
    expect(ok.calls()).toBe(4);
    const no = flaky(1, refused, 'accepted');
    await expect(sendThroughRunSwitch(no.call, 10, 1)).rejects.toBe(refused);
    expect(no.calls()).toBe(1);
    const stuck = flaky(99, switching, 'accepted');
    await expect(sendThroughRunSwitch(stuck.call, 5, 1)).rejects.toBe(switching);
    expect(stuck.calls()).toBe(5);
  });

  it('asks a query again while the round folds back, and passes any other failure on', async () => {
    const restoring = new Error(`Query failed: ${RESTORING}`);
    const ok = flaky(2, restoring, { version: 7 });
    await expect(queryThroughRestore(ok.call, 10, 1)).resolves.toEqual({ version: 7 });
    const gone = new Error('workflow not found');
    const no = flaky(1, gone, {});
    await expect(queryThroughRestore(no.call, 10, 1)).rejects.toBe(gone);
    expect(no.calls()).toBe(1);
  });
});
