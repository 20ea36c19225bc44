import { randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';
import { toleranceKey, type SigningProblem } from './signed-log';

/** A refusal to sign, as recorded: open until an operator acknowledges it (ADR 0018). */
export interface SigningAlarm extends SigningProblem {
  id: string;
  raisedAt: string;
  acknowledged?: { at: string; operator: string; reason: string };
}

interface AlarmRow {
  id: string;
  raised_at: Date;
  code: SigningProblem['code'];
  reason: string;
  stream_id: string | null;
  stream_version: string | null;
  global_position: string | null;
  checkpoint_sequence: string | null;
  acknowledged_at: Date | null;
  operator: string | null;
  ack_reason: string | null;
}

const toAlarm = (r: AlarmRow): SigningAlarm => ({
  id: r.id,
  raisedAt: r.raised_at.toISOString(),
  code: r.code,
  reason: r.reason,
  ...(r.stream_id === null ? {} : { streamId: r.stream_id }),
  ...(r.stream_version === null ? {} : { streamVersion: Number(r.stream_version) }),
  ...(r.global_position === null ? {} : { globalPosition: r.global_position }),
  ...(r.checkpoint_sequence === null ? {} : { checkpointSequence: Number(r.checkpoint_sequence) }),
  ...(r.acknowledged_at && r.operator && r.ack_reason
    ? { acknowledged: { at: r.acknowledged_at.toISOString(), operator: r.operator, reason: r.ack_reason } }
    : {}),
});

/** Every alarm, oldest first, with its acknowledgement when there is one. */
export async function listSigningAlarms(sql: Sql): Promise<SigningAlarm[]> {
  const rows = await sql<AlarmRow[]>`
    select a.id::text, a.raised_at, a.code, a.reason, a.stream_id, a.stream_version::text, a.global_position::text, a.checkpoint_sequence::text,
      k.acknowledged_at, k.operator, k.reason as ack_reason
    from signing_alarms a left join signing_alarm_acks k on k.alarm_id = a.id
    order by a.raised_at, a.id`;
  return rows.map(toAlarm);
}

/** Records a refusal; `lastSequence` is the last signed checkpoint, after which an acknowledgement allows a break. */
export async function raiseSigningAlarm(
  sql: Sql,
  problem: SigningProblem,
  lastSequence: number | undefined,
): Promise<SigningAlarm> {
  const [row] = await sql<AlarmRow[]>`
    insert into signing_alarms (id, code, reason, stream_id, stream_version, global_position, checkpoint_sequence)
    values (${randomUUID()}, ${problem.code}, ${problem.reason}, ${problem.streamId ?? null}, ${problem.streamVersion ?? null},
      ${problem.globalPosition ?? null}, ${lastSequence ?? null})
    returning id::text, raised_at, code, reason, stream_id, stream_version::text, global_position::text, checkpoint_sequence::text,
      null::timestamptz as acknowledged_at, null as operator, null as ack_reason`;
  return toAlarm(row as AlarmRow);
}

/** The operator's act after investigation: the alarm stays on record with who acknowledged it and why. */
export async function acknowledgeSigningAlarm(
  sql: Sql,
  alarmId: string,
  operator: string,
  reason: string,
): Promise<boolean> {
  const rows = await sql`
    insert into signing_alarm_acks (alarm_id, operator, reason)
    select id, ${operator}, ${reason} from signing_alarms where id::text = ${alarmId}
    on conflict (alarm_id) do nothing returning alarm_id`;
  return rows.length > 0;
}

/** What acknowledged alarms allow the checkpointer: their problems, and a break after the latest one's checkpoint. */
export function acknowledgedScope(alarms: readonly SigningAlarm[]): {
  tolerated: string[];
  breakAfter: number | undefined;
} {
  const acked = alarms.filter((a) => a.acknowledged);
  return { tolerated: acked.map(toleranceKey), breakAfter: acked.at(-1)?.checkpointSequence };
}
