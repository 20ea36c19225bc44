import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Config } from '@selter/config';
import type { Logger as PinoLogger } from '@selter/logging';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { ApiEndpoints } from './infrastructure/infrastructure.module';

/** Builds the API application (without listening), so tests and `main` share the wiring. */
export async function createApiApp(config: Config, endpoints: ApiEndpoints, logger: PinoLogger): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(config, endpoints, logger), { bufferLogs: true, bodyParser: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Selter API').setDescription('Seleksi terbuka JPT Pratama').setVersion('0.1.0').build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
