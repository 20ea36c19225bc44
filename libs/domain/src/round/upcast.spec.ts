import {
  EventVersionError,
  isRoundEventType,
  ROUND_EVENT_VERSIONS,
  upcastIfRoundEvent,
  upcastRoundEvent,
} from './upcast';

const stored = (type: string, schemaVersion: number) => ({
  type,
  schemaVersion,
  streamId: 'r1',
  data: {
    roundId: 'r1',
    at: '2024-08-01T09:00:00+07:00',
    postId: 'p1',
    applicants: 3,
    continuedWithFewer: false,
  },
});

describe('round event upcaster', () => {
  it("gives back the very same stored event at today's version, typed as the domain event", () => {
    const event = stored('RegistrationClosed', 1);
    const upcast = upcastRoundEvent(event);
    expect(upcast).toBe(event);
    if (upcast.type !== 'RegistrationClosed') throw new Error('type narrowed wrongly');
    expect(upcast.data.applicants).toBe(3);
    expect(upcast.streamId).toBe('r1');
  });

  it('refuses a version from the future, naming the type and both versions', () => {
    expect(() => upcastRoundEvent(stored('RegistrationClosed', 2))).toThrow(
      new EventVersionError('RegistrationClosed', 2, 1),
    );
    expect(() => upcastRoundEvent(stored('RegistrationClosed', 2))).toThrow(
      /version 2; this code reads up to version 1/,
    );
  });

  it('refuses a version it never wrote (0) and a type that is not a round event', () => {
    expect(() => upcastRoundEvent(stored('ApplicantRegistered', 0))).toThrow(EventVersionError);
    expect(() => upcastRoundEvent(stored('RotationPlanned', 1))).toThrow(
      /RotationPlanned is not a round event/,
    );
    expect(() => upcastRoundEvent(stored('toString', 1))).toThrow(/not a round event/);
  });

  it('knows every round event type at version 1, and nothing inherited', () => {
    expect(Object.keys(ROUND_EVENT_VERSIONS)).toHaveLength(35);
    expect(new Set(Object.values(ROUND_EVENT_VERSIONS))).toEqual(new Set([1]));
    expect(isRoundEventType('PostRerunStarted')).toBe(true);
    expect(isRoundEventType('constructor')).toBe(false);
  });

  it("passes over other streams' events when asked whether an event is a round event, still refusing future versions", () => {
    expect(upcastIfRoundEvent(stored('RotationPlanned', 1))).toBeUndefined();
    const event = stored('PostCancelled', 1);
    expect(upcastIfRoundEvent(event)).toBe(event);
    expect(() => upcastIfRoundEvent(stored('PostCancelled', 3))).toThrow(EventVersionError);
  });
});
