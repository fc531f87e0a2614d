import { HttpException, HttpStatus, Logger } from '@nestjs/common';
import { isDatabaseUnavailable } from './database-unavailable.js';
import { currentRequestId } from './request-context.js';

/**
 * One place that turns any error into what a user may see: a status and a sentence. Driver and library
 * texts never reach a user; unexpected causes are logged in full with the request id, which the
 * sentence shows so a report leads to the log line.
 */
export interface DescribedError {
  status: number;
  message: string;
}

interface BodyParserError {
  type: string;
  status: number;
}

const isBodyParserError = (error: unknown): error is BodyParserError =>
  typeof error === 'object' &&
  error !== null &&
  'type' in error &&
  'status' in error &&
  typeof (error as BodyParserError).type === 'string';

const BODY_ERRORS: Record<string, string> = {
  'entity.parse.failed': 'request body is not valid JSON',
  'entity.too.large': 'request body is too large',
  'encoding.unsupported': 'request body has an unsupported character encoding',
  'charset.unsupported': 'request body has an unsupported charset',
};

/** PostgreSQL SQLSTATE → a sentence about the input; anything else from the driver is our fault (500). */
function describeSqlState(state: string): DescribedError | undefined {
  if (state === '23505')
    return { status: HttpStatus.CONFLICT, message: 'the request conflicts with data that already exists' };
  if (state.startsWith('22'))
    return { status: HttpStatus.BAD_REQUEST, message: 'a value in the request is out of range or cannot be stored' };
  if (state.startsWith('23'))
    return { status: HttpStatus.BAD_REQUEST, message: 'the request breaks a rule of the stored data' };
  if (state.startsWith('54')) return { status: HttpStatus.BAD_REQUEST, message: 'a value in the request is too large' };
  return undefined;
}

const sqlStateOf = (error: unknown): string | undefined => {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, sqlState } = error as { code?: unknown; sqlState?: unknown };
  const state = typeof sqlState === 'string' ? sqlState : code;
  return typeof state === 'string' && /^[0-9A-Z]{5}$/.test(state) ? state : undefined;
};

const withRequestId = (sentence: string, requestId: string) => `${sentence} (request id ${requestId}).`;

const logger = new Logger('Errors');

const causeText = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));

export function describeError(error: unknown, requestId = currentRequestId()): DescribedError {
  // The express adapter wraps body-parser's errors; their raw parser message helps no one.
  const cause = error instanceof HttpException ? error.cause : error;
  if (isBodyParserError(cause)) {
    return { status: cause.status, message: BODY_ERRORS[cause.type] ?? 'the request body could not be read' };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    const raw = typeof body === 'string' ? body : (body as { message?: unknown }).message;
    const message = Array.isArray(raw) ? raw.join('; ') : String(raw ?? error.message);
    if (status >= 500) {
      logger.error(`request ${requestId}: ${message}${error.cause ? `: ${causeText(error.cause)}` : ''}`);
      return { status, message: withRequestId(message, requestId) };
    }
    return { status, message };
  }
  if (isDatabaseUnavailable(error)) {
    logger.warn(
      `request ${requestId}: database unavailable: ${error instanceof Error ? error.message : String(error)}`,
    );
    return {
      status: HttpStatus.SERVICE_UNAVAILABLE,
      message: withRequestId('database unavailable: try again shortly', requestId),
    };
  }
  const state = sqlStateOf(error);
  const input = state ? describeSqlState(state) : undefined;
  if (input) {
    logger.warn(
      `request ${requestId}: input rejected by the database: ${error instanceof Error ? error.message : String(error)}`,
    );
    return input;
  }
  logger.error(`request ${requestId}: ${causeText(error)}`);
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    message: withRequestId('internal error: the request failed on our side', requestId),
  };
}
