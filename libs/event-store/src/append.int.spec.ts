import { ConcurrencyError, IdempotencyConflictError, InvalidAppendError } from './errors';
import { appendToStream } from './append';
import { GENESIS_HASH, chainHash } from './hash-chain';
import { readStream } from './read';
import { event, freshStore } from './store.test-helper';

describe('event store: append and read (PostgreSQL)', () => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  beforeAll(async () => (store = await freshStore()));
  afterAll(() => store.close());

  it('appends to a new stream with contiguous versions, increasing positions and a hash chain from genesis', async () => {
    const events = [event('RoundPlanned'), event('PlanSubmitted'), event('RoundAnnounced')];
    const result = await appendToStream(store.sql, 'round-a', 'no_stream', events);
    expect(result.nextExpectedVersion).toBe(3);
    expect(result.positions.map((p) => p.streamVersion)).toEqual([1, 2, 3]);
    const stored = await readStream(store.sql, 'round-a');
    expect(stored.map((e) => e.type)).toEqual(['RoundPlanned', 'PlanSubmitted', 'RoundAnnounced']);
    expect(stored[0]?.prevHash).toEqual(GENESIS_HASH);
    stored.forEach((e, i) => {
      expect(e.hash).toEqual(chainHash(e.prevHash, e.record));
      if (i > 0) expect(e.prevHash).toEqual(stored[i - 1]?.hash);
    });
    expect(stored[2]!.globalPosition > stored[0]!.globalPosition).toBe(true);
    expect(stored[0]?.data).toEqual(events[0]?.data);
    expect(stored[0]?.metadata).toEqual(events[0]?.metadata);
  });

  it('refuses a wrong expected version with the actual version', async () => {
    await appendToStream(store.sql, 'round-b', 'no_stream', [event()]);
    await expect(appendToStream(store.sql, 'round-b', 'no_stream', [event()])).rejects.toEqual(
      new ConcurrencyError('round-b', 'no_stream', 1),
    );
    await expect(appendToStream(store.sql, 'round-b', 5, [event()])).rejects.toMatchObject({
      code: 'EVENT_STORE.WRONG_EXPECTED_VERSION',
      actual: 1,
    });
    await expect(appendToStream(store.sql, 'round-b', 'any', [event()])).resolves.toMatchObject({
      nextExpectedVersion: 2,
    });
  });

  it('returns the original positions when the same events are appended again (an activity retry)', async () => {
    const batch = [
      event('StageResultRecorded', { score: 81.5 }),
      event('StageResultRecorded', { score: 77 }),
    ];
    const first = await appendToStream(store.sql, 'round-c', 'no_stream', batch);
    const retry = await appendToStream(store.sql, 'round-c', 'no_stream', batch);
    expect(retry).toEqual({ ...first, deduplicated: true });
    expect(await readStream(store.sql, 'round-c')).toHaveLength(2);
  });

  it('never overwrites: the same event id with other content, or in another stream or batch, is a conflict', async () => {
    const original = event('AdministrativeVerdictRecorded', { verdict: 'MS' });
    await appendToStream(store.sql, 'round-d', 'no_stream', [original]);
    await expect(
      appendToStream(store.sql, 'round-d', 1, [{ ...original, data: { verdict: 'TMS' } }]),
    ).rejects.toBeInstanceOf(IdempotencyConflictError);
    await expect(appendToStream(store.sql, 'round-other', 'no_stream', [original])).rejects.toThrow(
      /stored in stream round-d/,
    );
    await expect(appendToStream(store.sql, 'round-d', 1, [original, event()])).rejects.toThrow(
      /another batch/,
    );
    expect((await readStream(store.sql, 'round-d'))[0]?.data).toEqual({ verdict: 'MS' });
  });

  it.each([
    ['an empty batch', 'round-e', []],
    ['a non-uuid id', 'round-e', [{ ...event(), eventId: 'not-a-uuid' }]],
    [
      'a repeated id',
      'round-e',
      (() => {
        const e = event();
        return [e, e];
      })(),
    ],
    ['a bad time', 'round-e', [{ ...event(), recordedAt: 'yesterday' }]],
    ['an empty stream id', '', [event()]],
  ])('rejects %s', async (_label, stream, events) => {
    await expect(appendToStream(store.sql, stream, 'any', events)).rejects.toBeInstanceOf(InvalidAppendError);
  });

  it('16 concurrent writers with the same expected version: exactly one wins per version, the chain stays intact', async () => {
    await appendToStream(store.sql, 'round-race', 'no_stream', [event('RoundPlanned')]);
    for (let round = 0; round < 3; round += 1) {
      const expected = round + 1;
      const outcomes = await Promise.allSettled(
        Array.from({ length: 16 }, () =>
          appendToStream(store.sql, 'round-race', expected, [event('ShortlistProposed')]),
        ),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes)
        if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(ConcurrencyError);
    }
    const stored = await readStream(store.sql, 'round-race');
    expect(stored.map((e) => e.streamVersion)).toEqual([1, 2, 3, 4]);
    stored.slice(1).forEach((e, i) => expect(e.prevHash).toEqual(stored[i]?.hash));
  });

  it('reads a stream up to a version or a moment', async () => {
    const events = [event(), event(), event()];
    await appendToStream(store.sql, 'round-f', 'no_stream', events);
    expect((await readStream(store.sql, 'round-f', { version: 2 })).map((e) => e.streamVersion)).toEqual([
      1, 2,
    ]);
    expect(
      (await readStream(store.sql, 'round-f', { time: events[0]!.recordedAt })).map((e) => e.streamVersion),
    ).toEqual([1]);
  });

  it('keeps the record exactly as hashed, whatever the key order of the data', async () => {
    const e = { ...event(), data: { z: 1, a: { y: 2, b: [3, { d: 4, c: 5 }] } } };
    await appendToStream(store.sql, 'round-g', 'no_stream', [e]);
    const [stored] = await readStream(store.sql, 'round-g');
    expect(stored?.record).toContain('"data":{"a":{"b":[3,{"c":5,"d":4}],"y":2},"z":1}');
    expect(stored?.data).toEqual(e.data);
  });
});
