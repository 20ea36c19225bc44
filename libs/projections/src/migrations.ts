import { join } from 'node:path';
import { loadMigrations, type Migration } from '@selter/event-store';

/** The folder of the projections' SQL migrations (checkpoints and read-model tables). */
export const PROJECTIONS_MIGRATIONS = join(__dirname, '..', 'migrations');

/** The projections' migrations, to pass to the event store's `migrate` after its own. */
export const projectionsMigrations = (): Migration[] => loadMigrations('projections', PROJECTIONS_MIGRATIONS);
