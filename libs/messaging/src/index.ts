export { createOutboxRelay, type OutboxRelay, type OutboxRelayOptions } from './relay';
export {
  toCloudEvent,
  parseCloudEvent,
  InvalidCloudEventError,
  CLOUDEVENTS_CONTENT_TYPE,
  type SelterCloudEvent,
} from './envelope';
export { topicCatalog, ensureTopics, type TopicCatalog, type TopicSpec } from './topics';
export { RELAY_PRODUCER_CONFIG, RELAY_ACKS } from './producer';
export { createDeduplicatingHandler, type DedupeOutcome } from './dedupe';
export { MESSAGING_MIGRATIONS, messagingMigrations } from './migrations';
export type { Log } from './log';
export { CheckpointPublisher, type PublishedCheckpoint } from './checkpoint-publisher';
export { readPublishedCheckpoints } from './checkpoint-reader';
