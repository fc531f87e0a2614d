import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { describeError } from './errors.js';
import { RateLimitedException } from './rate-limited.exception.js';
import type { RequestWithId } from './request-context.js';

/** JSON-RPC codes for what goes wrong around /mcp before the MCP transport sees the request. */
function jsonRpcCode(status: number, message: string): number {
  if (status === 400 && message === 'request body is not valid JSON') return -32700;
  if (status >= 500) return -32603;
  return -32600;
}

/**
 * Every error answers as JSON {statusCode, error, message} — on /mcp as a JSON-RPC error with the same
 * sentence — and unexpected ones are logged with the request id, never leaked.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request & RequestWithId>();
    if (response.headersSent) {
      response.end();
      return;
    }
    const { status, message } = describeError(error, request.id);
    if (error instanceof RateLimitedException) response.setHeader('Retry-After', String(error.retryAfterSeconds));
    if (request.path === '/mcp' || request.path.startsWith('/mcp/')) {
      response
        .status(status)
        .json({ jsonrpc: '2.0', error: { code: jsonRpcCode(status, message), message }, id: null });
      return;
    }
    response.status(status).json({ statusCode: status, error: STATUS_CODES[status] ?? 'Error', message });
  }
}
