import type { KeyObject } from 'node:crypto';
import {
  cosign,
  parseSignedCheckpoint,
  verifyConsistency,
  verifySignatureOf,
  type CheckpointSigner,
  type SignedCheckpoint,
  type WitnessMessage,
} from '@selter/event-store';
import type { Logger } from '@selter/logging';
import { RELAY_ACKS, RELAY_PRODUCER_CONFIG, type PublishedCheckpoint } from '@selter/messaging';
import type { Kafka } from 'kafkajs';
import { readWitnessState, writeWitnessState, type WitnessState } from './witness-state';

export interface WitnessOptions {
  kafka: Kafka;
  /** The log's checkpoint signing key (public): a checkpoint it did not sign is refused. */
  logKey: KeyObject;
  /** The witness's own Ed25519 key. */
  signer: CheckpointSigner;
  stateFile: string;
  topics: { checkpoint: string; cosignature: string };
  groupId: string;
  log: Logger;
  clock?: () => Date;
}

/** Why a checkpoint cannot be cosigned, or undefined when it extends the last one cosigned. */
export function refusalOf(
  checkpoint: SignedCheckpoint,
  consistency: PublishedCheckpoint['consistency'],
  logKey: KeyObject,
  last: WitnessState | undefined,
): string | undefined {
  const body = checkpoint.body;
  if (!verifySignatureOf(logKey, checkpoint))
    return `checkpoint ${body.sequence} is not signed by the log's key`;
  if (!last) return undefined;
  const [from, to] = [Buffer.from(last.rootHash, 'hex'), Buffer.from(body.rootHash, 'hex')];
  if (body.treeSize === last.treeSize)
    return from.equals(to)
      ? undefined
      : `checkpoint ${body.sequence} has another root for the ${body.treeSize} events of checkpoint ${last.sequence} (a fork)`;
  if (!consistency || consistency.fromSize !== last.treeSize)
    return `checkpoint ${body.sequence} carries no proof from ${last.treeSize} events, the tree of checkpoint ${last.sequence} cosigned last`;
  const proof = consistency.proof.map((h) => Buffer.from(h, 'hex'));
  return verifyConsistency(last.treeSize, body.treeSize, from, to, proof)
    ? undefined
    : `checkpoint ${body.sequence} (${body.treeSize} events) is not consistent with checkpoint ${last.sequence} (${last.treeSize} events) cosigned last`;
}

/**
 * The witness (C2SP tlog-witness is the model): reads the checkpoint topic as its own consumer group,
 * cosigns each checkpoint consistent with the last one it cosigned and publishes the cosignature;
 * publishes a refusal, and keeps its state, for any other. Returns a stop function.
 */
export async function startWitness(o: WitnessOptions): Promise<() => Promise<void>> {
  const clock = o.clock ?? (() => new Date());
  const producer = o.kafka.producer(RELAY_PRODUCER_CONFIG);
  await producer.connect();
  const consumer = o.kafka.consumer({ groupId: o.groupId });
  await consumer.connect();
  await consumer.subscribe({ topic: o.topics.checkpoint, fromBeginning: true });
  const send = (key: string, message: WitnessMessage) =>
    producer.send({
      topic: o.topics.cosignature,
      acks: RELAY_ACKS,
      messages: [{ key, value: JSON.stringify(message) }],
    });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const published = JSON.parse(String(message.value)) as PublishedCheckpoint;
      const checkpoint = parseSignedCheckpoint(published.signedBody, published.signature);
      const last = readWitnessState(o.stateFile);
      // The topic is replayed from the start after a restart: what precedes the last cosigned is done.
      if (
        last &&
        (checkpoint.body.sequence < last.sequence || checkpoint.checkpointHash === last.checkpointHash)
      )
        return;
      const refusal = refusalOf(checkpoint, published.consistency, o.logKey, last);
      const { sequence } = checkpoint.body;
      if (refusal) {
        o.log.error(
          { sequence, checkpointHash: checkpoint.checkpointHash, lastCosigned: last?.sequence },
          `witness refuses to cosign: ${refusal}`,
        );
        await send(`refused-${o.signer.keyId}-${checkpoint.checkpointHash}`, {
          type: 'CheckpointCosignRefused',
          witnessKeyId: o.signer.keyId,
          sequence,
          checkpointHash: checkpoint.checkpointHash,
          reason: refusal,
          at: clock().toISOString(),
        });
        return;
      }
      await send(`cosigned-${o.signer.keyId}-${sequence}`, {
        type: 'CheckpointCosigned',
        cosignature: cosign(o.signer, checkpoint, clock()),
      });
      writeWitnessState(o.stateFile, {
        sequence,
        treeSize: checkpoint.body.treeSize,
        rootHash: checkpoint.body.rootHash,
        checkpointHash: checkpoint.checkpointHash,
      });
      o.log.info({ sequence, treeSize: checkpoint.body.treeSize }, 'checkpoint cosigned');
    },
  });
  return async () => {
    await consumer.disconnect();
    await producer.disconnect();
  };
}
