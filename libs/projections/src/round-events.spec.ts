import { EventVersionError } from '@selter/domain';
import { roundEventsOf } from './round-events';

const stored = (type: string, schemaVersion = 1) => ({
  type,
  schemaVersion,
  streamId: 'r1',
  data: { roundId: 'r1', at: '2024-08-01T09:00:00+07:00', postId: 'p1', reason: 'x' },
});

describe('the read boundary', () => {
  it("passes the round events on as they are stored, in order, and leaves other streams' events out", () => {
    const cancelled = stored('PostCancelled');
    const closed = stored('RoundClosed');
    const out = roundEventsOf([cancelled, stored('RotationPlanned'), closed]);
    expect(out).toHaveLength(2);
    expect(out[0]).toBe(cancelled);
    expect(out[1]).toBe(closed);
  });

  it('refuses a batch holding a round event from a future schema version', () => {
    expect(() => roundEventsOf([stored('PostCancelled'), stored('PostCancelled', 2)])).toThrow(
      EventVersionError,
    );
  });
});
