import type { RotationActivities } from '@selter/contracts';
import type { RotationEvent } from '@selter/domain';
import type { EventMetadata } from '@selter/event-store';
import type { Sql } from 'postgres';
import { auditMetadataOf } from '../round/audit-metadata';
import { readDecisionPage, recordDecisionBatch } from '../shared/record-decisions';

export interface RotationActivityDeps {
  readonly sql: Sql;
}

/** The same audit metadata as a round's events (actor, role, reason, rule ids such as R31 of the ineligible incumbents). */
export function rotationAuditMetadataOf(event: RotationEvent): EventMetadata {
  return auditMetadataOf(event);
}

/** The rotation workflow's side effects, built over their dependencies (STYLE.md rule 6). */
export function createRotationActivities({ sql }: RotationActivityDeps): RotationActivities {
  return {
    /** Records a batch of the rotation's decisions, exactly as a round's (ADR 16). */
    recordRotationDecisions: (input) => recordDecisionBatch<RotationEvent>(sql, input),
    /** A page of the rotation's events, each under its decision. */
    readRotationEvents: (input) => readDecisionPage<RotationEvent>(sql, input),
  };
}
