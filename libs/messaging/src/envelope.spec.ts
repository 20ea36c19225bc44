import { parseCloudEvent, toCloudEvent } from './envelope';
import { topicCatalog } from './topics';

const stored = {
  eventId: '6f1c2a56-8d0e-4a43-9a59-2f0d6f7e1b11',
  type: 'ApplicantRegistered',
  schemaVersion: 1,
  streamId: 'round-7',
  streamVersion: 12,
  globalPosition: 9_007_199_254_740_993n,
  transactionId: 812n,
  recordedAt: '2024-08-01T02:00:00.000Z',
  data: { postId: 'p1', applicantId: 'a1' },
  metadata: { actor: { id: 'op-1', role: 'operator' }, correlationId: 'corr-1' },
};

describe('CloudEvents envelope', () => {
  it('maps a stored event to CloudEvents 1.0 with the event id, the stream as subject and a lossless position', () => {
    const ce = toCloudEvent(stored, 'urn:selter:event-store');
    expect(ce).toEqual({
      specversion: '1.0',
      id: stored.eventId,
      type: 'ApplicantRegistered',
      source: 'urn:selter:event-store',
      subject: 'round-7',
      time: '2024-08-01T02:00:00.000Z',
      datacontenttype: 'application/json',
      data: stored.data,
      selterstreamversion: 12,
      selterposition: '9007199254740993',
      selterschemaversion: 1,
      correlationid: 'corr-1',
      actorid: 'op-1',
      actorrole: 'operator',
    });
    expect(Object.keys(ce).every((k) => /^[a-z0-9]{1,20}$/.test(k))).toBe(true);
    expect(parseCloudEvent(Buffer.from(JSON.stringify(ce)))).toEqual(ce);
  });

  it('refuses what is not a CloudEvents 1.0 envelope', () => {
    expect(() => parseCloudEvent(null)).toThrow('tombstone');
    expect(() => parseCloudEvent('{')).toThrow('not JSON');
    expect(() => parseCloudEvent(JSON.stringify({ specversion: '0.3' }))).toThrow('specversion');
    expect(() => parseCloudEvent(JSON.stringify({ ...toCloudEvent(stored, 's'), subject: '' }))).toThrow(
      'subject',
    );
  });
});

describe('topic catalog', () => {
  it('routes each family to its own versioned topic and compacts the checkpoint topic', () => {
    const topics = topicCatalog({ prefix: 't' });
    expect(topics.topicOf('ApplicantRegistered')).toBe('t.round.v1');
    expect(topics.topicOf('RotationDecreed')).toBe('t.rotation.v1');
    expect(topics.topicOf('DayOffAdded')).toBe('t.calendar.v1');
    expect(topics.checkpoint.configEntries).toContainEqual({ name: 'cleanup.policy', value: 'compact' });
    expect(topics.all.map((t) => t.topic)).toEqual([
      't.round.v1',
      't.rotation.v1',
      't.calendar.v1',
      't.checkpoint.v1',
      't.cosignature.v1',
      't.alarm.v1',
    ]);
  });
});
