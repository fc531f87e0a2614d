import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { isDatabaseUnavailable } from './database-unavailable.js';
import { STATUS_CODES } from 'node:http';

interface BodyParserError {
  type: string;
  status: number;
}

const isBodyParserError = (error: unknown): error is BodyParserError =>
  typeof error === 'object' && error !== null && 'type' in error && 'status' in error;

const BODY_ERRORS: Record<string, string> = {
  'entity.parse.failed': 'request body is not valid JSON',
  'entity.too.large': 'request body is too large',
};

/** Every error answers as JSON {statusCode, error, message}; unexpected ones are logged, not leaked. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) {
      response.end();
      return;
    }
    const { status, message } = this.describe(error);
    response.status(status).json({ statusCode: status, error: STATUS_CODES[status] ?? 'Error', message });
  }

  private describe(error: unknown): { status: number; message: string } {
    // The express adapter wraps body-parser's errors; their raw parser message helps no one.
    const cause = error instanceof HttpException ? error.cause : error;
    if (isBodyParserError(cause)) {
      return { status: cause.status, message: BODY_ERRORS[cause.type] ?? 'invalid request body' };
    }
    if (error instanceof HttpException) {
      const body = error.getResponse();
      const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      return { status: error.getStatus(), message: Array.isArray(message) ? message.join('; ') : String(message ?? error.message) };
    }
    if (isDatabaseUnavailable(error)) {
      this.logger.warn(`database unavailable: ${error instanceof Error ? error.message : String(error)}`);
      return { status: HttpStatus.SERVICE_UNAVAILABLE, message: 'database unavailable: try again shortly' };
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return { status: HttpStatus.INTERNAL_SERVER_ERROR, message: 'internal error' };
  }
}
