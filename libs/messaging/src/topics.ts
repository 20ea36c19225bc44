import { CALENDAR_EVENT_TYPES, type RotationEvent } from '@selter/domain';
import type { Admin } from 'kafkajs';

export interface TopicSpec {
  topic: string;
  numPartitions: number;
  replicationFactor: number;
  configEntries: { name: string; value: string }[];
}

export interface TopicCatalog {
  round: TopicSpec;
  rotation: TopicSpec;
  /** The calendar's changes (ADR 24): national and regional days off, agencies' zones; one partition, in order. */
  calendar: TopicSpec;
  /** Signed event-store checkpoints, published by the event store; compacted (latest per key). */
  checkpoint: TopicSpec;
  /** Witnesses' cosignatures and refusals of checkpoints; compacted, one key per witness and checkpoint. */
  cosignature: TopicSpec;
  /** Alarms for monitors: the backbone refused to sign a checkpoint over a broken log (ADR 18). */
  alarm: TopicSpec;
  all: TopicSpec[];
  /** The topic of an event's family. */
  topicOf(eventType: string): string;
}

const ROTATION_TYPES: ReadonlySet<string> = new Set<RotationEvent['type']>([
  'RotationPlanned',
  'RotationRecommended',
  'RotationRecommendationRejected',
  'RotationTestsRecorded',
  'RotationMappingProposed',
  'RotationApproved',
  'RotationDecreed',
  'OpenSelectionRequired',
]);

const CALENDAR_TYPES: ReadonlySet<string> = new Set<string>(CALENDAR_EVENT_TYPES);

/**
 * One topic per event family, versioned in the name (a breaking envelope change gets `.v2`).
 * `prefix` lets tests and benchmarks use their own topics on a shared broker.
 */
export function topicCatalog({
  prefix = 'selter',
  partitions = 6,
  replicationFactor = 1,
} = {}): TopicCatalog {
  const minIsr = String(Math.min(2, replicationFactor));
  const events = (family: string): TopicSpec => ({
    topic: `${prefix}.${family}.v1`,
    numPartitions: partitions,
    replicationFactor,
    configEntries: [
      { name: 'cleanup.policy', value: 'delete' },
      { name: 'min.insync.replicas', value: minIsr },
    ],
  });
  const round = events('round');
  const rotation = events('rotation');
  const single = (family: string, cleanup: 'compact' | 'delete'): TopicSpec => ({
    topic: `${prefix}.${family}.v1`,
    numPartitions: 1,
    replicationFactor,
    configEntries: [
      { name: 'cleanup.policy', value: cleanup },
      { name: 'min.insync.replicas', value: minIsr },
    ],
  });
  const checkpoint = single('checkpoint', 'compact');
  const cosignature = single('cosignature', 'compact');
  const alarm = single('alarm', 'delete');
  const calendar = single('calendar', 'delete');
  return {
    round,
    rotation,
    calendar,
    checkpoint,
    cosignature,
    alarm,
    all: [round, rotation, calendar, checkpoint, cosignature, alarm],
    // Anything not known as a rotation or calendar event is a round event: rounds are the main
    // family and an unknown type there is more likely a new round event than a new family.
    topicOf: (type) =>
      ROTATION_TYPES.has(type) ? rotation.topic : CALENDAR_TYPES.has(type) ? calendar.topic : round.topic,
  };
}

/**
 * Creates the missing topics with their partitions and settings: the broker does not create
 * topics on first use (`auto.create.topics.enable=false`), so the owner creates them, once, right.
 */
export async function ensureTopics(admin: Admin, topics: readonly TopicSpec[]): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((t) => !existing.has(t.topic));
  if (missing.length > 0) await admin.createTopics({ topics: missing, waitForLeaders: true });
  return missing.map((t) => t.topic);
}
