// Activity factories: each takes its dependencies as arguments; Nest DI stays in the apps (STYLE.md rule 6).
export { createRoundActivities, type RoundActivityDeps } from './round/round-activities';
export { auditMetadataOf } from './round/audit-metadata';
export {
  createRotationActivities,
  rotationAuditMetadataOf,
  type RotationActivityDeps,
} from './rotation/rotation-activities';
