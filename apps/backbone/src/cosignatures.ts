import { storeCosignature, type WitnessMessage } from '@selter/event-store';
import type { Logger } from '@selter/logging';
import type { Kafka } from 'kafkajs';
import type { Sql } from 'postgres';

/**
 * Keeps witnesses' cosignatures where the API and the auditor read them (checkpoint_cosignatures):
 * each is stored only when its signature verifies and it names a stored checkpoint by its hash.
 * A refusal is logged as an error: a witness saw a checkpoint it could not reconcile with its last.
 */
export async function startCosignatureStore(
  sql: Sql,
  kafka: Kafka,
  topic: string,
  log: Logger,
): Promise<() => Promise<void>> {
  // One group per database: backbones of one store share the work, other stores (tests, staging) read their own.
  const [db] = await sql<Array<{ name: string }>>`select current_database() as name`;
  const consumer = kafka.consumer({ groupId: `selter-backbone-cosignatures-${db?.name ?? 'selter'}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      let m: WitnessMessage;
      try {
        m = JSON.parse(String(message.value)) as WitnessMessage;
      } catch {
        return log.warn({ offset: message.offset }, 'cosignature topic: a message that is not JSON, skipped');
      }
      if (m.type === 'CheckpointCosignRefused') {
        log.error(
          { witnessKeyId: m.witnessKeyId, sequence: m.sequence, reason: m.reason },
          `witness refused to cosign checkpoint ${m.sequence}: ${m.reason}`,
        );
        return;
      }
      const stored = await storeCosignature(sql, m.cosignature);
      log.info(
        { witnessKeyId: m.cosignature.body.witnessKeyId, sequence: m.cosignature.body.sequence, stored },
        'checkpoint cosignature received',
      );
    },
  });
  return () => consumer.disconnect();
}
