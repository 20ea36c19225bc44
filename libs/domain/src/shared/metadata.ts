/**
 * Who may act in Selter. Authorisation is the API's job; the domain only records the role.
 * `system` is the round's own clock (a deadline passed, a reminder due): never a person's decision.
 */
export type Role = 'operator' | 'pansel' | 'ppk' | 'oversight' | 'auditor' | 'admin' | 'system';

export interface Actor {
  readonly id: string;
  readonly role: Role;
}

/** Time and identity arrive with every command: the domain never reads a clock or a random source. */
export interface CommandMetadata {
  /** ISO-8601 instant of the decision, e.g. `2024-08-01T09:00:00+07:00`. */
  readonly now: string;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly commandId?: string;
  readonly workflowId?: string;
  readonly runId?: string;
}

/** Metadata stored on each event; workflowId/runId are present when a Temporal workflow produced it. */
export interface EventMetadata {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly workflowId?: string;
  readonly runId?: string;
}

/** Derives event metadata from the metadata of the command that caused the events. */
export function eventMetadataOf(command: CommandMetadata): EventMetadata {
  const causationId = command.commandId ?? command.causationId;
  return {
    actor: command.actor,
    correlationId: command.correlationId,
    ...(causationId !== undefined ? { causationId } : {}),
    ...(command.workflowId !== undefined ? { workflowId: command.workflowId } : {}),
    ...(command.runId !== undefined ? { runId: command.runId } : {}),
  };
}
