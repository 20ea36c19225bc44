import { parseSignedCheckpoint, type SignedCheckpoint } from '@selter/event-store';
import type { Kafka } from 'kafkajs';
import type { PublishedCheckpoint } from './checkpoint-publisher';

/**
 * Every checkpoint on the compacted checkpoint topic, oldest first: the copies held outside the
 * database that `verifyStore` checks the log against. Reads from the beginning up to the offsets
 * the topic had when called, with a consumer group of its own so it never moves anyone's offsets.
 */
export async function readPublishedCheckpoints(
  kafka: Kafka,
  topic: string,
  groupId: string,
  timeoutMs = 30_000,
): Promise<SignedCheckpoint[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const remaining = new Map(ends.filter((p) => Number(p.high) > 0).map((p) => [p.partition, Number(p.high)]));
  // By hash, not sequence: two different checkpoints claiming one sequence (a fork) must both reach verify.
  const found = new Map<string, SignedCheckpoint>();
  if (remaining.size === 0) return [];
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`reading ${topic} took longer than ${timeoutMs} ms`)),
        timeoutMs,
      );
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          const published = JSON.parse(String(message.value)) as PublishedCheckpoint;
          const checkpoint = parseSignedCheckpoint(published.signedBody, published.signature);
          found.set(checkpoint.checkpointHash, checkpoint);
          if (Number(message.offset) + 1 >= (remaining.get(partition) ?? 0)) remaining.delete(partition);
          if (remaining.size === 0) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return [...found.values()].sort((a, b) => a.body.sequence - b.body.sequence);
}
