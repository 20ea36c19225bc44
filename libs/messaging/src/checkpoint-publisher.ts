import type { SignedCheckpoint } from '@selter/event-store';
import type { Kafka, Producer } from 'kafkajs';
import { RELAY_ACKS, RELAY_PRODUCER_CONFIG } from './producer';

/** What the checkpoint topic carries: the exact signed text and its signature, verifiable by anyone with the public key. */
export interface PublishedCheckpoint {
  signedBody: string;
  signature: string;
  checkpointHash: string;
  /** RFC 9162 proof that this tree extends the tree of `fromSize` events (the previous checkpoint's; 0: no proof), for witnesses. */
  consistency?: { fromSize: number; proof: string[] };
}

/**
 * Publishes signed checkpoints to the compacted checkpoint topic, one key per sequence number, so
 * compaction keeps every checkpoint and a rewrite of the database can be checked against copies
 * it does not control.
 */
export class CheckpointPublisher {
  private producer: Producer | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly topic: string,
  ) {}

  async publish(
    checkpoint: SignedCheckpoint,
    consistency?: PublishedCheckpoint['consistency'],
  ): Promise<void> {
    this.producer ??= this.kafka.producer(RELAY_PRODUCER_CONFIG);
    await this.producer.connect();
    const value: PublishedCheckpoint = {
      signedBody: checkpoint.signedBody,
      signature: checkpoint.signature,
      checkpointHash: checkpoint.checkpointHash,
      ...(consistency ? { consistency } : {}),
    };
    await this.producer.send({
      topic: this.topic,
      acks: RELAY_ACKS,
      messages: [{ key: `checkpoint-${checkpoint.body.sequence}`, value: JSON.stringify(value) }],
    });
  }

  async close(): Promise<void> {
    await this.producer?.disconnect();
  }
}
