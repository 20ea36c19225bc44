import { EVENT_STORE_MIGRATIONS, loadMigrations, migrate, type Migration } from '@selter/event-store';
import postgres, { type Sql } from 'postgres';

/**
 * A fresh database for one scenario on the run's server, with the event store's migrations and
 * `extra` ones (projections, messaging), and a client of `max` connections.
 */
export async function scenarioDatabase(
  serverUrl: string,
  name: string,
  max = 20,
  extra: Migration[] = [],
): Promise<{ url: string; sql: Sql }> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const sql = postgres(url.toString(), { max, onnotice: () => undefined });
  await migrate(sql, [...loadMigrations('event-store', EVENT_STORE_MIGRATIONS), ...extra]);
  return { url: url.toString(), sql };
}
