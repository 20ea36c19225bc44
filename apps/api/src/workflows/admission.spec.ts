import { AdmissionRefused, DecisionAdmission } from './admission';

/** A decision that stays in flight until `release()` is called. */
function held(): { promise: Promise<void>; release(): void } {
  let release = (): void => undefined;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

const soon = (ms = 2_000) => Date.now() + ms;

describe('decision admission', () => {
  it("takes a round's decisions in order, at most perRound at once, and refuses one that waited past its deadline", async () => {
    const admission = new DecisionAdmission({ perRound: 2, perAgency: 10, total: 10 });
    const order: string[] = [];
    const h = [held(), held(), held()];
    const runs = h.map((d, i) =>
      admission.run('round-a-1', 'a', soon(), async () => (order.push(`start ${i}`), d.promise)),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['start 0', 'start 1']);
    const late = admission.run('round-a-1', 'a', Date.now() + 20, () => Promise.resolve('never'));
    await expect(late).rejects.toMatchObject({ level: 'round', retryAfterSeconds: expect.any(Number) });
    h[0]!.release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['start 0', 'start 1', 'start 2']);
    h[1]!.release();
    h[2]!.release();
    await Promise.all(runs);
  });

  it('gives a freed slot to the agency that used the fewest lately, so a flood leaves room for another agency', async () => {
    const admission = new DecisionAdmission({ perRound: 8, perAgency: 8, total: 4 });
    const started: string[] = [];
    const flood = Array.from({ length: 12 }, (_, i) => ({ ...held(), i }));
    const floodRuns = flood.map((d) =>
      admission.run(
        `round-flood-${d.i}`,
        'flood',
        soon(),
        async () => (started.push(`flood ${d.i}`), d.promise),
      ),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['flood 0', 'flood 1', 'flood 2', 'flood 3']);
    // The quiet agency's decision arrives after 8 of the flood's are waiting: it gets the next slot.
    const quiet = held();
    const quietRun = admission.run(
      'round-quiet-1',
      'quiet',
      soon(),
      async () => (started.push('quiet'), quiet.promise),
    );
    flood[0]!.release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(started.at(-1)).toBe('quiet');
    quiet.release();
    await quietRun;
    for (const d of flood) d.release();
    await Promise.all(floodRuns);
    expect(admission.load).toEqual({ slots: 0, rounds: 0 });
  });

  it('caps an agency at perAgency and says so', async () => {
    const admission = new DecisionAdmission({ perRound: 8, perAgency: 1, total: 10 });
    const first = held();
    const run = admission.run('round-a-1', 'a', soon(), () => first.promise);
    const refused = await admission
      .run('round-a-2', 'a', Date.now() + 10, () => Promise.resolve())
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AdmissionRefused);
    expect((refused as AdmissionRefused).level).toBe('agency');
    first.release();
    await run;
  });

  it('limits an agency to its shared rate only while another agency decides too, refusing at the door', async () => {
    const admission = new DecisionAdmission({ perRound: 8, perAgency: 8, total: 10, sharedRatePerAgency: 3 });
    const decide = (agency: string, i: number) =>
      admission
        .run(`round-${agency}-${i}`, agency, soon(), () => Promise.resolve(i))
        .then(
          () => 'decided',
          (e: unknown) =>
            e instanceof AdmissionRefused ? `${e.level} ${e.retryAfterSeconds >= 1}` : String(e),
        );
    // Alone, an agency is not limited.
    const alone: string[] = [];
    for (let i = 0; i < 10; i += 1) alone.push(await decide('flood', i));
    expect(alone).toEqual(Array(10).fill('decided'));
    // Once another agency decides, the flood gets its bucket of 3 and then 429 at the door and at admission.
    expect(await decide('quiet', 0)).toBe('decided');
    const shared: string[] = [];
    for (let i = 10; i < 15; i += 1) shared.push(await decide('flood', i));
    expect(shared).toEqual(['decided', 'decided', 'decided', 'agency true', 'agency true']);
    expect(admission.refuseNow('round-flood-99', 'flood')).toMatchObject({ level: 'agency' });
    // The quiet agency, under its rate, is never refused.
    expect(await decide('quiet', 1)).toBe('decided');
    expect(admission.refuseNow('round-quiet-9', 'quiet')).toBeUndefined();
  });
});
