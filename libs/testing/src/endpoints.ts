import { randomUUID } from 'node:crypto';
import { loadPayloadKeys, selterDataConverter } from '@selter/payload-codec';
import type { DataConverter } from '@temporalio/common';
import postgres from 'postgres';
import { TEST_ENV } from './env';

export interface TestEndpoints {
  /** The test cluster's superuser: creating databases, and tampering with a store on purpose. Never a service's. */
  superuserUrl: string;
  /** The schema owner (`selter_owner`): migrations. */
  ownerUrl: string;
  /** The services' role (`selter_app`). */
  appUrl: string;
  temporalAddress: string;
  kafkaBrokers: string[];
  cacheDir: string;
  workDir: string;
}

/** The engines of this test run; fails clearly when a test runs outside the integration project. */
export function testEndpoints(): TestEndpoints {
  const read = (name: string): string => {
    const value = process.env[name];
    if (!value)
      throw new Error(
        `${name} is not set: integration tests run under jest's "integration" project (npm test)`,
      );
    return value;
  };
  return {
    superuserUrl: read(TEST_ENV.superuserUrl),
    ownerUrl: read(TEST_ENV.ownerUrl),
    appUrl: read(TEST_ENV.appUrl),
    temporalAddress: read(TEST_ENV.temporalAddress),
    kafkaBrokers: read(TEST_ENV.kafkaBrokers).split(','),
    cacheDir: read(TEST_ENV.cacheDir),
    workDir: read(TEST_ENV.workDir),
  };
}

/**
 * The data converter of the services this run spawns (ADR 33: payloads encrypted with the run's key
 * file), for a test client or worker that talks to the same workflows as they do.
 */
export async function testDataConverter(): Promise<DataConverter> {
  const file = process.env['TEMPORAL_PAYLOAD_KEYS_FILE'];
  if (!file)
    throw new Error(
      'TEMPORAL_PAYLOAD_KEYS_FILE is not set: integration tests run under jest\'s "integration" project',
    );
  return selterDataConverter(await loadPayloadKeys(file, { createIfMissing: false }));
}

/** A name no other test of the run uses (task queues, topics, databases). */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

/** A test database, one connection URL per role (ADR 0019). */
export interface TestDatabase {
  /** The superuser's: in-process tests migrate with it, and tamper specs rewrite the store with it. */
  url: string;
  /** The schema owner's (`selter_owner`): the migrate step's connection. */
  ownerUrl: string;
  /** The services' (`selter_app`): what a spawned api, worker or backbone connects as. */
  appUrl: string;
  drop(): Promise<void>;
}

const onDatabase = (url: string, name: string): string => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** A fresh database on the run's PostgreSQL server, owned by `selter_owner`, so test files never see each other's rows. */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const { superuserUrl, ownerUrl, appUrl } = testEndpoints();
  const name = uniqueName(prefix).toLowerCase();
  const admin = postgres(superuserUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name} owner selter_owner`);
  await admin.end();
  return {
    url: onDatabase(superuserUrl, name),
    ownerUrl: onDatabase(ownerUrl, name),
    appUrl: onDatabase(appUrl, name),
    drop: async () => {
      const sql = postgres(superuserUrl, { max: 1, onnotice: () => undefined });
      await sql.unsafe(`drop database if exists ${name} with (force)`);
      await sql.end();
    },
  };
}
