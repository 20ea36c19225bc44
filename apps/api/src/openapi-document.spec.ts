import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { configSchema, toConfig } from '@selter/config';
import { createLogger } from '@selter/logging';
import { createApiApp, openApiDocument } from './bootstrap';

type Operation = {
  operationId?: string;
  responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
};

/** Media types of a GET that is not JSON, and so needs no JSON Schema. */
const NOT_JSON = ['/metrics'];

// The document comes from the application's own decorators: built here without listening, so no
// engine is needed (connections are lazy; migrations run only on init).
describe('the OpenAPI document', () => {
  let app: INestApplication;
  let document: OpenAPIObject;
  beforeAll(async () => {
    const config = toConfig(
      configSchema.parse({ NODE_ENV: 'test', DEV_ISSUER: 'on', LOG_LEVEL: 'fatal' }),
      process.cwd(),
      false,
    );
    app = await createApiApp(
      config,
      { databaseUrl: 'postgres://nobody@127.0.0.1:9/none', temporalAddress: '127.0.0.1:9' },
      createLogger({ component: 'openapi-test', level: 'fatal', format: 'json' }),
    );
    document = openApiDocument(app);
  }, 30_000);
  afterAll(() => app?.close());

  it('declares a JSON response schema for the success of every JSON GET operation', () => {
    const gets = Object.entries(document.paths).flatMap(([path, item]) =>
      item.get && !NOT_JSON.includes(path) ? [{ path, get: item.get as Operation }] : [],
    );
    expect(gets.length).toBeGreaterThan(10);
    const undeclared = gets.filter(
      ({ get }) =>
        !Object.entries(get.responses ?? {}).some(
          ([status, r]) => status.startsWith('2') && r.content?.['application/json']?.schema,
        ),
    );
    expect(undeclared.map((g) => g.path)).toEqual([]);
  });

  it('resolves every schema it refers to', () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1] as string,
    );
    const schemas = document.components?.schemas ?? {};
    expect(refs.length).toBeGreaterThan(10);
    expect([...new Set(refs)].filter((name) => !(name in schemas))).toEqual([]);
  });

  it('answers plans with 201 and decisions with 200, each with its result', () => {
    const post = (path: string) => (document.paths[path]?.post as Operation | undefined)?.responses ?? {};
    expect(post('/rounds')['201']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/DecisionResult',
    });
    expect(post('/rotations')['201']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/RotationDecisionResult',
    });
    expect(
      post('/rounds/{roundId}/decisions/CloseRegistration')['200']?.content?.['application/json']?.schema,
    ).toEqual({ $ref: '#/components/schemas/DecisionResult' });
  });
});
