import { Global, Module } from '@nestjs/common';
import { MetricsServer } from './metrics.server.js';
import { MetricsService } from './metrics.service.js';

/**
 * Metrics are served by MetricsServer on METRICS_PORT, not by a route of the app port; requests are
 * timed by the httpMetrics middleware (app.factory.ts).
 */
@Global()
@Module({
  providers: [MetricsService, MetricsServer],
  exports: [MetricsService],
})
export class MetricsModule {}
