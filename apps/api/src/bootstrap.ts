import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { Config } from '@selter/config';
import type { Logger as PinoLogger } from '@selter/logging';
import { json, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { TOKEN_VERIFIER } from './auth/auth.guard';
import { assertOperations } from './auth/operations-access';
import type { TokenVerifier } from './auth/token-verifier';
import { sendProblem, toProblem } from './problem/problem-details.filter';
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
  (app.getHttpAdapter().getInstance() as { disable(setting: string): void }).disable('x-powered-by');
  app.use(securityHeaders(config));
  app.use(httpMetrics(app.get(ApiMetrics)));
  app.use(busyDoor(app.get(WorkflowPort)));
  app.use(json({ limit: config.api.bodyLimitBytes }));
  app.use(refuseUncleanJson);
  app.use(bodyErrorsAsProblems);
  if (config.env === 'production')
    app.use('/docs', operationsOnly(config, app.get<TokenVerifier>(TOKEN_VERIFIER)));
  SwaggerModule.setup('docs', app, openApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}

/**
 * ASVS L2 headers (ADR 21): a CSP without inline script (the console and /docs load scripts from
 * files), no framing, no `X-Powered-By`. Styles may be inline (Swagger UI and the console set them).
 */
function securityHeaders(config: Config): ReturnType<typeof helmet> {
  // The console talks to the identity provider itself (discovery, token, refresh: ADR 0034).
  const issuer = config.api.issuer ? [new URL(config.api.issuer.issuer).origin] : [];
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...issuer],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
  });
}

/** /docs in production: for operations staff only (their bearer token), like /metrics. */
function operationsOnly(config: Config, verifier: TokenVerifier) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const token = /^Bearer +(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const principal = token ? verifier.verify(token) : Promise.resolve(undefined);
    principal
      .then((p) => assertOperations(config, p))
      .then(() => next())
      .catch((error: unknown) => sendProblem(request, response, toProblem(error)));
  };
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
