import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import { APP_CONFIG, type AppConfig } from '../common/config.js';
import { ConfigError } from '../common/config-error.js';
import { MetricsService } from './metrics.service.js';

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

/**
 * Prometheus' /metrics on METRICS_PORT (default 9464), apart from the app port, so the scrape target
 * is never reachable through whatever exposes the api. Only `GET /metrics` answers; 0 turns it off.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MetricsServer');
  private server?: Server;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MetricsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.metricsPort === 0) return;
    const server = createServer((request, response) => {
      const path = (request.url ?? '').split('?')[0];
      if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
        response
          .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS })
          .end('only GET /metrics is served here\n');
        return;
      }
      this.metrics.registry.metrics().then(
        (text) =>
          response.writeHead(200, { 'Content-Type': this.metrics.registry.contentType, ...SECURITY_HEADERS }).end(text),
        (error: unknown) => {
          this.logger.error(`metrics: ${(error as Error).message}`);
          response.writeHead(500, SECURITY_HEADERS).end();
        },
      );
    });
    server.listen(this.config.metricsPort, this.config.host);
    try {
      await once(server, 'listening');
    } catch (error) {
      throw new ConfigError(
        `METRICS_PORT ${this.config.metricsPort} cannot be used (${(error as Error).message}): free it, or set METRICS_PORT to another port or 0.`,
      );
    }
    this.server = server;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
