import type { CommittedEvent } from '@selter/event-store';

/**
 * A Selter event as a CloudEvents 1.0 JSON envelope (structured mode). Extension attributes
 * follow the spec's naming rule (lower-case letters and digits, at most 20 characters).
 */
export interface SelterCloudEvent<Data = unknown> {
  specversion: '1.0';
  /** The event id: the key consumers deduplicate on. */
  id: string;
  type: string;
  source: string;
  /** The stream id, also the Kafka message key. */
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  data: Data;
  selterstreamversion: number;
  selterposition: string;
  selterschemaversion: number;
  correlationid?: string;
  causationid?: string;
  actorid?: string;
  actorrole?: string;
}

export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=UTF-8';

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** The envelope of a stored event; `source` names the producing service (a URI reference). */
export function toCloudEvent(event: CommittedEvent, source: string): SelterCloudEvent {
  const m = event.metadata;
  const actor = m.actor;
  const optional = {
    correlationid: text(m.correlationId),
    causationid: text(m.causationId),
    actorid: text(actor?.id),
    actorrole: text(actor?.role),
  };
  return {
    specversion: '1.0',
    id: event.eventId,
    type: event.type,
    source,
    subject: event.streamId,
    time: event.recordedAt,
    datacontenttype: 'application/json',
    data: event.data,
    selterstreamversion: event.streamVersion,
    selterposition: event.globalPosition.toString(),
    selterschemaversion: event.schemaVersion,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  };
}

export class InvalidCloudEventError extends Error {
  override readonly name = 'InvalidCloudEventError';
}

/** Parses and checks a Kafka message value; throws InvalidCloudEventError on anything else. */
export function parseCloudEvent(value: Buffer | string | null): SelterCloudEvent {
  if (value === null) throw new InvalidCloudEventError('empty message (a tombstone?)');
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString());
  } catch {
    throw new InvalidCloudEventError('not JSON');
  }
  const e = parsed as Partial<SelterCloudEvent>;
  if (e.specversion !== '1.0')
    throw new InvalidCloudEventError(`specversion ${String(e.specversion)} is not 1.0`);
  for (const name of ['id', 'type', 'source', 'subject', 'time'] as const) {
    if (!text(e[name])) throw new InvalidCloudEventError(`missing ${name}`);
  }
  if (typeof e.selterstreamversion !== 'number')
    throw new InvalidCloudEventError('missing selterstreamversion');
  return e as SelterCloudEvent;
}
