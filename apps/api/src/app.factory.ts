import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule, type RuntimeConfig } from './app.module.js';
import { migrateUnderLock } from './database/migrate-under-lock.js';
import { HttpErrorFilter } from './common/http-error.filter.js';
import { jsonOnly } from './common/json-only.js';
import { requestIdMiddleware } from './common/request-context.js';
import { securityHeaders } from './common/security-headers.js';
import { httpMetrics } from './metrics/http-metrics.js';
import { MetricsService } from './metrics/metrics.service.js';

/** Room for an 8 KB chat message plus JSON escaping; larger bodies get a 413. */
const BODY_LIMIT = '64kb';

/** Builds the api (migrated and ready to listen): shared by main.ts and the tests. */
export async function createApp(config: RuntimeConfig): Promise<INestApplication> {
  // No default parsers: JSON is the only body the api reads (a form body is a 415, see jsonOnly).
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // X-Forwarded-For names the client only when the connection comes from a listed proxy.
  app.set('trust proxy', config.trustedProxies.length > 0 ? config.trustedProxies : false);
  app.use(requestIdMiddleware, httpMetrics(app.get(MetricsService)), securityHeaders, jsonOnly);
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useGlobalFilters(new HttpErrorFilter());
  await migrateUnderLock(app.get(MikroORM), config.databaseUrl);
  return app;
}
