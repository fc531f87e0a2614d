import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { MetricsService } from './metrics.service.js';

/**
 * Times every request by its route pattern (not its URL, which would explode the label set), from its
 * first byte to its last: an Express middleware rather than a Nest interceptor, which would wrap every
 * handler in observables, and would miss what the guard or a middleware turned away (a 401, a 415).
 */
export function httpMetrics(metrics: MetricsService): RequestHandler {
  return (request: Request, response: Response, next: NextFunction): void => {
    const stop = metrics.httpDuration.startTimer({ method: request.method });
    response.once('finish', () => {
      const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
      stop({ route, status_code: String(response.statusCode) });
      if (response.statusCode >= 500) metrics.errors.inc({ route });
    });
    next();
  };
}
