import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/**
 * The request id of the work in progress: taken from a sane incoming `X-Request-Id` (a proxy's or the
 * BFF's) or generated, echoed in the response header, written with every log line of the request and
 * shown in user-facing errors, so a user's report leads to the full cause in the logs.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

const storage = new AsyncLocalStorage<{ requestId: string }>();

export const newRequestId = (): string => randomBytes(8).toString('hex');

export function saneRequestId(value: unknown): string | undefined {
  return typeof value === 'string' && SANE_REQUEST_ID.test(value) ? value : undefined;
}

/** The current request's id; work outside a request (startup, tests) gets a fresh one. */
export function currentRequestId(): string {
  return storage.getStore()?.requestId ?? newRequestId();
}

export type RequestWithId = Request & { id?: string };

/** Express middleware, first in the chain: assigns the id, echoes it, and scopes it to the request. */
export function requestIdMiddleware(request: RequestWithId, response: Response, next: NextFunction): void {
  const requestId = saneRequestId(request.headers['x-request-id']) ?? newRequestId();
  request.id = requestId;
  response.setHeader('X-Request-Id', requestId);
  storage.run({ requestId }, next);
}
