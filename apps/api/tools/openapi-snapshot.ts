// Writes the API's OpenAPI document to the console's snapshot (apps/web/src/api/openapi.json)
// without a running API: the document comes from the application's own decorators, built
// without listening (connections are lazy; migrations run only on init), like
// src/openapi-document.spec.ts. Then regenerate the console's types from it:
//
//   node scripts/run.cjs apps/api/tools/openapi-snapshot.ts
//   node scripts/run.cjs apps/web/tools/openapi.ts
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { configSchema, toConfig } from '@selter/config';
import { createLogger } from '@selter/logging';
import { createApiApp, openApiDocument } from '../src/bootstrap';

const SNAPSHOT = join(__dirname, '..', '..', 'web', 'src', 'api', 'openapi.json');

async function main(): Promise<void> {
  const config = toConfig(configSchema.parse({ NODE_ENV: 'test', DEV_ISSUER: 'on', LOG_LEVEL: 'fatal' }), process.cwd(), false);
  const logger = createLogger({ component: 'openapi-snapshot', level: 'fatal', format: 'json' });
  const app = await createApiApp(config, { databaseUrl: 'postgres://nobody@127.0.0.1:9/none', temporalAddress: '127.0.0.1:9' }, logger);
  try {
    await writeFile(SNAPSHOT, `${JSON.stringify(openApiDocument(app), null, 2)}\n`);
    process.stdout.write(`wrote ${SNAPSHOT}\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
