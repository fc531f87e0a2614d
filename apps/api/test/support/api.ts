import type { INestApplication } from '@nestjs/common';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/common/config.js';
import { freePort } from '../../src/common/free-port.js';
import { TEST_AUDIENCE, TEST_ISSUER, type TestIssuer } from './auth.js';

export interface RunningApi {
  app: INestApplication;
  url: string;
  /** Where Prometheus scrapes (METRICS_PORT), apart from the app port. */
  metricsUrl: string;
  close(): Promise<void>;
}

/**
 * The real api on a real port (the agent reaches /mcp over HTTP), against the run's PostgreSQL.
 * `env` adds variables such as LLM_BASE_URL; without them the offline engine answers.
 */
export async function startApi(issuer: TestIssuer, env: Record<string, string> = {}): Promise<RunningApi> {
  const port = await freePort();
  const metricsPort = await freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    DATABASE_URL: process.env.DATABASE_URL,
    BETTER_AUTH_URL: TEST_ISSUER,
    AUTH_AUDIENCE: TEST_AUDIENCE,
    AUTH_JWKS_URL: issuer.jwksUrl,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    METRICS_PORT: String(metricsPort),
    ...env,
  });
  const app = await createApp({ ...config, databaseUrl: config.databaseUrl! });
  await app.listen(port, '127.0.0.1');
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
    close: () => app.close(),
  };
}
