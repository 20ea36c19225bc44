import { join } from 'node:path';
import { loadMigrations, type Migration } from '@selter/event-store';

/** The folder of messaging's SQL migrations (relay checkpoints, consumer inbox). */
export const MESSAGING_MIGRATIONS = join(__dirname, '..', 'migrations');

/** Messaging's migrations, to pass to the event store's `migrate` after its own. */
export const messagingMigrations = (): Migration[] => loadMigrations('messaging', MESSAGING_MIGRATIONS);
