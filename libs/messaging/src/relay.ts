import type { Kafka, Producer } from 'kafkajs';
import type { Sql } from 'postgres';
import { onAppends, positionOf, type LogPosition } from '@selter/event-store';
import { readRelayCheckpoint, saveRelayCheckpoint } from './checkpoint';
import { CLOUDEVENTS_CONTENT_TYPE, toCloudEvent } from './envelope';
import { tryRelayLock, type RelayLock } from './lock';
import { silent, type Log } from './log';
import { connectProducer, RELAY_ACKS } from './producer';
import { readCommittedEvents, type CommittedEvent } from '@selter/event-store';
import { ensureTopics, topicCatalog, type TopicCatalog } from './topics';
import { Wake } from './wake';

export interface OutboxRelayOptions {
  sql: Sql;
  kafka: Kafka;
  /** Relays with the same name share one checkpoint and one lock. */
  name?: string;
  /** CloudEvents `source` of every envelope. */
  source?: string;
  topics?: TopicCatalog;
  batchSize?: number;
  /** How often a standby retries the lock, and the fallback poll for lost NOTIFYs. */
  pollMs?: number;
  log?: Log;
  /** Test seam: runs after the broker acknowledged a batch, before the checkpoint moves. */
  afterAck?: (events: readonly CommittedEvent[]) => Promise<void>;
}

export interface OutboxRelay {
  start(): void;
  stop(): Promise<void>;
  /** True while this relay holds the lock and publishes. */
  readonly active: boolean;
  /** The relay's checkpoint as last saved by any relay of its name. */
  checkpoint(): Promise<LogPosition>;
}

type Settings = Required<Pick<OutboxRelayOptions, 'name' | 'source' | 'topics' | 'batchSize'>> &
  OutboxRelayOptions;

function toTopicMessages(events: readonly CommittedEvent[], o: Settings) {
  const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
  for (const event of events) {
    const topic = o.topics.topicOf(event.type);
    const list = byTopic.get(topic) ?? byTopic.set(topic, []).get(topic) ?? [];
    list.push({
      key: event.streamId,
      value: JSON.stringify(toCloudEvent(event, o.source)),
      headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE },
    });
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

/**
 * Publishes batches in committed order until the log is drained; each checkpoint follows its ack.
 * The next batch is read while the current one is in flight (sends stay strictly sequential).
 */
async function drain(lock: RelayLock, producer: Producer, o: Settings): Promise<number> {
  const read = (after: LogPosition) => readCommittedEvents(lock.conn, after, o.batchSize);
  let published = 0;
  let events = await read(await readRelayCheckpoint(lock.conn, o.name));
  for (let last = events[events.length - 1]; last; last = events[events.length - 1]) {
    const position = positionOf(last);
    const next = read(position);
    next.catch(() => undefined); // awaited below; a failed send must not leave it unhandled
    await producer.sendBatch({ acks: RELAY_ACKS, topicMessages: toTopicMessages(events, o) });
    await o.afterAck?.(events);
    await saveRelayCheckpoint(lock.conn, o.name, position);
    published += events.length;
    events = await next;
  }
  return published;
}

/**
 * The outbox relay (ADR 0007): the event table is the outbox. One relay per name publishes at a
 * time (advisory lock); the others wait as hot standbys. Delivery is at least once: a crash
 * between the broker's ack and the checkpoint republishes that batch, which consumers drop by
 * event id (`createDeduplicatingHandler`).
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const o = {
    name: 'kafka',
    source: 'urn:selter:event-store',
    topics: topicCatalog(),
    batchSize: 1_000,
    pollMs: 1_000,
    log: silent,
    ...options,
  };
  const wake = new Wake();
  let stopped = false;
  let active = false;
  let loop: Promise<void> | undefined;

  const cycle = async (): Promise<void> => {
    const lock = await tryRelayLock(o.sql, o.name);
    if (!lock) return wake.wait(o.pollMs);
    let producer: Producer | undefined;
    let unlisten: (() => Promise<void>) | undefined;
    try {
      const admin = o.kafka.admin();
      await admin.connect();
      await ensureTopics(admin, o.topics.all).finally(() => admin.disconnect());
      producer = await connectProducer(o.kafka);
      active = true;
      o.log('relay holds the lock and publishes', { relay: o.name });
      unlisten = await onAppends(o.sql, () => wake.wake(), o.pollMs);
      while (!stopped) {
        const published = await drain(lock, producer, o);
        if (published > 0) o.log('relay published', { relay: o.name, events: published });
        await wake.wait(o.pollMs);
      }
    } finally {
      active = false;
      await unlisten?.().catch(() => undefined);
      await producer?.disconnect().catch(() => undefined);
      await lock.release();
    }
  };

  const run = async (): Promise<void> => {
    let failures = 0;
    while (!stopped) {
      try {
        await cycle();
        failures = 0;
      } catch (error) {
        failures += 1;
        o.log('relay failed; resuming from its checkpoint', {
          relay: o.name,
          error: String(error),
          failures,
        });
        await wake.wait(Math.min(5_000, 100 * 2 ** Math.min(failures, 6)));
      }
    }
  };

  return {
    start() {
      loop ??= run();
    },
    async stop() {
      stopped = true;
      wake.wake();
      await loop;
    },
    get active() {
      return active;
    },
    async checkpoint() {
      const [row] = await o.sql<
        { tx: string; gp: string }[]
      >`select transaction_id::text as tx, global_position::text as gp from relay_checkpoints where name = ${o.name}`;
      return { transactionId: BigInt(row?.tx ?? '0'), globalPosition: BigInt(row?.gp ?? '0') };
    },
  };
}
