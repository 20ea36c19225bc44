export type {
  AppendResult,
  EventMetadata,
  ExpectedVersion,
  LogPosition,
  NewEvent,
  StoredEvent,
} from './types';
export { LOG_START } from './types';
export { ConcurrencyError, IdempotencyConflictError, InvalidAppendError } from './errors';
export { appendToStream } from './append';
export { APPENDS_CHANNEL, CHECKPOINT_REQUESTS_CHANNEL, notifyAppended, requestCheckpoint } from './notify';
export {
  readStream,
  readCommitted,
  readCommittedEvents,
  readCommittedHashes,
  onAppends,
  positionOf,
  type LogLeaf,
  type CommittedEvent,
} from './read';
export {
  migrate,
  loadMigrations,
  EVENT_STORE_MIGRATIONS,
  MigrationChecksumError,
  MigrationsPendingError,
  type Migration,
} from './migrate';
export {
  assertServiceRole,
  readConnectionRole,
  refuseUnsafeDatabase,
  PrivilegedConnectionError,
  type ConnectionRole,
} from './service-role';
export { canonicalRecord, chainHash, GENESIS_HASH } from './hash-chain';
export * from './merkle';
export {
  generateSigner,
  loadOrCreateSigner,
  signerFromPrivatePem,
  keyFingerprint,
  publicKeyPem,
  verifySignatureOf,
  type CheckpointSigner,
} from './signing';
export { parseSignedCheckpoint, type CheckpointBody, type SignedCheckpoint } from './checkpoint-format';
export {
  Checkpointer,
  readCheckpoints,
  latestCheckpoint,
  checkpointCoversStream,
  type CheckpointPass,
} from './checkpoint';
export {
  SigningRefusedError,
  toleranceKey,
  type SigningProblem,
  type SigningProblemCode,
} from './signed-log';
export {
  listSigningAlarms,
  raiseSigningAlarm,
  acknowledgeSigningAlarm,
  acknowledgedScope,
  type SigningAlarm,
} from './signing-alarms';
export {
  cosign,
  verifyCosignature,
  storeCosignature,
  checkpointCosigners,
  type Cosignature,
  type CosignatureBody,
  type WitnessMessage,
} from './cosignature';
export {
  verifyStore,
  type VerifyReport,
  type VerifyProblem,
  type ProblemCode,
  type VerifyOptions,
} from './verify';
export {
  exportBundle,
  BUNDLE_FORMAT,
  StreamNotCheckpointedError,
  type EvidenceBundle,
  type BundleEvent,
  type BundleInclusion,
  type ExportOptions,
} from './bundle';
export { verifyBundle, chainProblems, type BundleVerifyOptions } from './bundle-verify-node';
export { verifyBundleWebCrypto } from './bundle-verify-run';
export {
  bundleChecks,
  type BundleVerdict,
  type BundleProblem,
  type BundleProblemCode,
} from './bundle-verify';
export { verifyStream, type StreamVerdict } from './stream-verify';
export { proveConsistency, checkpointsConsistent, readLeaves } from './consistency';
export {
  recordDecisions,
  decisionEventId,
  type DecisionBatch,
  type DecisionBatchOutcome,
  type DecisionEvent,
  type DecidedEvent,
} from './decisions';
export {
  assertDurable,
  exitIfNotDurable,
  readDurability,
  NotDurableError,
  DatabaseRefusedError,
  type DurabilitySetting,
  type DurabilitySettingName,
} from './durability';
