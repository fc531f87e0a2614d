import { ConnectionException } from '@mikro-orm/core';
import { QUERY_TIMEOUT_MESSAGE } from './database-client.js';

/** Network failures, and PostgreSQL's: admin shutdown, cannot connect now, too many connections, statement timeout. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P03',
  '53300',
  '57014',
]);
const NETWORK_MESSAGES = new RegExp(
  [
    'Connection terminated',
    'timeout exceeded when trying to connect',
    QUERY_TIMEOUT_MESSAGE,
    'not queryable',
    'the database system is (starting up|shutting down)',
  ].join('|'),
);

/** True when an error means the database cannot be reached (a 503), not that the request was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof ConnectionException) return true;
  // Duck-typed: socket errors may come from another realm (vm contexts), where instanceof Error fails.
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (
    (typeof code === 'string' && NETWORK_CODES.has(code)) ||
    (typeof message === 'string' && NETWORK_MESSAGES.test(message))
  );
}
