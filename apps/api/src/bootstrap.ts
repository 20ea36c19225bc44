import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { Config } from '@selter/config';
import type { Logger as PinoLogger } from '@selter/logging';
import { json } from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { ApiEndpoints } from './infrastructure/infrastructure.module';
import { httpMetrics } from './metrics/http-metrics.middleware';
import { busyDoor } from './workflows/busy-door';
import { WorkflowPort } from './workflows/workflow-port';
import { ApiMetrics } from './metrics/metrics';
import { bodyErrorsAsProblems } from './problem/body-errors';
import { PROBLEM_SCHEMA } from './rounds/openapi';
import { expandDecisionPaths } from './rounds/decide/decision-openapi';
import { refuseUncleanJson } from './validation/clean-json';
import { responseComponents } from './validation/response-schema';

/** Builds the API application (without listening), so tests and `main` share the wiring. */
export async function createApiApp(
  config: Config,
  endpoints: ApiEndpoints,
  logger: PinoLogger,
): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(config, endpoints, logger), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.use(httpMetrics(app.get(ApiMetrics)));
  app.use(busyDoor(app.get(WorkflowPort)));
  app.use(json({ limit: config.api.bodyLimitBytes }));
  app.use(refuseUncleanJson);
  app.use(bodyErrorsAsProblems);
  SwaggerModule.setup('docs', app, openApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}

/** The OpenAPI document of the application's routes: one operation per decision, named response bodies, the problem schema. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Selter API')
      .setDescription(
        'Seleksi terbuka JPT Pratama: rounds, decisions (one Temporal Update each), inbox, timeline. Errors are application/problem+json with a stable code.',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...responseComponents(), Problem: PROBLEM_SCHEMA },
  };
  return expandDecisionPaths(document);
}
