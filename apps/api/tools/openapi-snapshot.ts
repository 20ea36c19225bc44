// Writes the API's OpenAPI document, built from the application's decorators without listening
// and without engines (connections are lazy; migrations run only on init), to the console's
// snapshot apps/web/src/api/openapi.json, or to the given file. Then regenerate the console's
// types: `node scripts/run.cjs apps/web/tools/openapi.ts`.
//
//   node scripts/run.cjs apps/api/tools/openapi-snapshot.ts [file]
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { configSchema, toConfig } from '@selter/config';
import { createLogger } from '@selter/logging';
import { createApiApp, openApiDocument } from '../src/bootstrap';

const SNAPSHOT = join(__dirname, '..', '..', 'web', 'src', 'api', 'openapi.json');

async function main(file = SNAPSHOT): Promise<void> {
  // As `npm start` serves it: the development issuer's routes included (the console's sign-in page lists its users).
  const config = toConfig(
    configSchema.parse({ NODE_ENV: 'test', DEV_ISSUER: 'on', LOG_LEVEL: 'fatal' }),
    process.cwd(),
    false,
  );
  const logger = createLogger({ component: 'openapi-snapshot', level: 'fatal', format: 'json' });
  const app = await createApiApp(
    config,
    { databaseUrl: 'postgres://nobody@127.0.0.1:9/none', temporalAddress: '127.0.0.1:9' },
    logger,
  );
  try {
    await writeFile(file, `${JSON.stringify(openApiDocument(app), null, 2)}\n`);
    process.stdout.write(`wrote ${file}\n`);
  } finally {
    await app.close();
  }
}

main(process.argv[2]).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
