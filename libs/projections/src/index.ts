export type { ProjectedEvent, ReadModel, RowSet } from './read-model';
export { TrackedRows, keyOf, rowKey } from './read-model';
export type { AnyReadModel } from './table-io';
export type { Log } from './log';
export { applyBatch, type BatchResult } from './apply-batch';
export { rebuild, type RebuildOptions, type RebuildProgress } from './rebuild';
export { createProjectionRunner, type ProjectionRunner, type ProjectionRunnerOptions } from './runner';
export { PROJECTIONS_MIGRATIONS, projectionsMigrations } from './migrations';
export * from './read-models';
