import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { TEST_ENV } from './env';

export interface TestEndpoints {
  databaseUrl: string;
  temporalAddress: string;
  kafkaBrokers: string[];
  cacheDir: string;
  workDir: string;
}

/** The engines of this test run; fails clearly when a test runs outside the integration project. */
export function testEndpoints(): TestEndpoints {
  const read = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: integration tests run under jest's "integration" project (npm test)`);
    return value;
  };
  return {
    databaseUrl: read(TEST_ENV.databaseUrl),
    temporalAddress: read(TEST_ENV.temporalAddress),
    kafkaBrokers: read(TEST_ENV.kafkaBrokers).split(','),
    cacheDir: read(TEST_ENV.cacheDir),
    workDir: read(TEST_ENV.workDir),
  };
}

/** A name no other test of the run uses (task queues, topics, databases). */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

/** A fresh database on the run's PostgreSQL server, so test files never see each other's rows. */
export async function createTestDatabase(prefix = 'test'): Promise<{ url: string; drop(): Promise<void> }> {
  const { databaseUrl } = testEndpoints();
  const name = uniqueName(prefix).toLowerCase();
  const admin = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
      await sql.unsafe(`drop database if exists ${name} with (force)`);
      await sql.end();
    },
  };
}
