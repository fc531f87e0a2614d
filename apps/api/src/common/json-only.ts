import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

const hasBody = (request: Request): boolean =>
  request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;

/**
 * Bodies are JSON only: a form post (a cross-site form can send one without a preflight) or any other
 * type is a 415 before it reaches a route. Requests without a body pass whatever their content type.
 */
export function jsonOnly(request: Request, _response: Response, next: NextFunction): void {
  if (!WITH_BODY.has(request.method) || !hasBody(request)) {
    next();
    return;
  }
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') {
    next();
    return;
  }
  next(
    new UnsupportedMediaTypeException(
      `the request body must be JSON: send it with Content-Type: application/json${type ? `, not ${type}` : ''}`,
    ),
  );
}
