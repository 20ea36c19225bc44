import { acknowledgeSigningAlarm, listSigningAlarms } from '@selter/event-store';
import type { Sql } from 'postgres';

/**
 * `signing-alarms`: the backbone's refusals to sign (ADR 18), open ones first in the exit code;
 * `signing-alarms ack <id> --reason "…" --operator <who>`: the operator's acknowledgement after
 * investigation, recorded for good; the backbone then signs the log as it is, the break visible.
 */
export async function signingAlarmsCommand(
  sql: Sql,
  args: string[],
  values: { reason?: string; operator?: string; format?: string },
): Promise<{ code: number; output: string }> {
  const [action, id] = args;
  if (action === 'ack') {
    if (!id || !values.reason || !values.operator)
      return { code: 2, output: 'signing-alarms ack needs an alarm id, --reason and --operator' };
    const done = await acknowledgeSigningAlarm(sql, id, values.operator, values.reason);
    return done
      ? { code: 0, output: `alarm ${id} acknowledged; the backbone signs again at its next pass` }
      : { code: 1, output: `no open alarm ${id}` };
  }
  const alarms = await listSigningAlarms(sql);
  const open = alarms.filter((a) => !a.acknowledged).length;
  if (values.format === 'json') return { code: open ? 1 : 0, output: JSON.stringify(alarms, null, 2) };
  const lines = alarms.map(
    (a) =>
      `${a.id} ${a.raisedAt} ${a.code} ${a.acknowledged ? `acknowledged by ${a.acknowledged.operator}` : 'OPEN'}: ${a.reason}`,
  );
  return { code: open ? 1 : 0, output: lines.length ? lines.join('\n') : 'no signing alarms' };
}
