import { randomUUID } from 'node:crypto';
import type { SigningAlarm } from '@selter/event-store';
import type { Logger } from '@selter/logging';
import { RELAY_ACKS, RELAY_PRODUCER_CONFIG } from '@selter/messaging';
import type { Kafka, Producer } from 'kafkajs';
import { Counter, Gauge, Registry } from 'prom-client';

/** The CloudEvents type of the alarm on the alarm topic (docs/asyncapi.yaml). */
export const SIGNING_REFUSED = 'CheckpointSigningRefused';

/**
 * What the backbone tells about its signing: the open alarm (health), counters (metrics), and the
 * alarm event for monitors on Kafka. Holds no decision: the checkpoint loop decides, this reports.
 */
export class SigningWatch {
  readonly registry = new Registry();
  private readonly refusing = new Gauge({
    name: 'selter_checkpoint_signing_refused',
    help: '1 while the backbone refuses to sign checkpoints (an open signing alarm, ADR 18)',
    registers: [this.registry],
  });
  private readonly alarms = new Counter({
    name: 'selter_checkpoint_signing_alarms_total',
    help: 'Signing alarms raised, by problem code',
    labelNames: ['code'],
    registers: [this.registry],
  });
  private readonly signed = new Counter({
    name: 'selter_checkpoints_signed_total',
    help: 'Checkpoints signed',
    registers: [this.registry],
  });
  private producer: Producer | undefined;
  open: SigningAlarm | undefined;

  constructor(
    private readonly log: Logger,
    private readonly kafka?: { client: Kafka; topic: string },
  ) {}

  checkpointSigned(): void {
    this.signed.inc();
  }

  /** The loop found an open alarm (raised now, or before a restart): refuse, and say so everywhere. */
  async refuse(alarm: SigningAlarm, raisedNow: boolean): Promise<void> {
    const known = this.open?.id === alarm.id;
    this.open = alarm;
    this.refusing.set(1);
    if (known) return;
    const where = {
      alarmId: alarm.id,
      code: alarm.code,
      streamId: alarm.streamId,
      streamVersion: alarm.streamVersion,
      globalPosition: alarm.globalPosition,
      checkpointSequence: alarm.checkpointSequence,
    };
    this.log.error(
      where,
      `checkpoint signing refused: ${alarm.reason} (acknowledge after investigation: npm run ops -- signing-alarms ack ${alarm.id} --reason "...")`,
    );
    if (!raisedNow) return;
    this.alarms.inc({ code: alarm.code });
    await this.publish(alarm).catch((error: unknown) =>
      this.log.error({ err: error, alarmId: alarm.id }, 'signing alarm not published to Kafka'),
    );
  }

  resumed(): void {
    if (this.open)
      this.log.warn({ alarmId: this.open.id }, 'signing alarm acknowledged; checkpoint signing resumes');
    this.open = undefined;
    this.refusing.set(0);
  }

  private async publish(alarm: SigningAlarm): Promise<void> {
    if (!this.kafka) return;
    this.producer ??= this.kafka.client.producer(RELAY_PRODUCER_CONFIG);
    await this.producer.connect();
    const event = {
      specversion: '1.0',
      id: randomUUID(),
      source: 'urn:selter:backbone',
      type: SIGNING_REFUSED,
      time: alarm.raisedAt,
      subject: alarm.streamId ?? 'event-log',
      datacontenttype: 'application/json',
      data: alarm,
    };
    await this.producer.send({
      topic: this.kafka.topic,
      acks: RELAY_ACKS,
      messages: [{ key: alarm.id, value: JSON.stringify(event) }],
    });
  }

  async close(): Promise<void> {
    await this.producer?.disconnect();
  }
}
