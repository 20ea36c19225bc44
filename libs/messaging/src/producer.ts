import type { Kafka, Producer, ProducerConfig } from 'kafkajs';

/**
 * The relay's producer settings, shared with the benchmark's raw baseline. Idempotent with one
 * request in flight: a retried request can neither duplicate nor overtake an earlier one, so each
 * partition (each stream, by key) keeps the relay's order. Retries are bounded so a broker outage
 * surfaces as an error the relay handles (it rebuilds the producer and resumes at its checkpoint)
 * instead of a send that hangs for ever.
 */
export const RELAY_PRODUCER_CONFIG: ProducerConfig = {
  idempotent: true,
  maxInFlightRequests: 1,
  allowAutoTopicCreation: false,
  retry: { retries: 8, initialRetryTime: 200, maxRetryTime: 5_000 },
};

/** acks = -1: every in-sync replica has the batch before we move the checkpoint. */
export const RELAY_ACKS = -1;

export async function connectProducer(kafka: Kafka): Promise<Producer> {
  const producer = kafka.producer(RELAY_PRODUCER_CONFIG);
  await producer.connect();
  return producer;
}
