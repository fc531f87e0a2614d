import { HttpException, HttpStatus } from '@nestjs/common';

/** A 429 whose answer carries `Retry-After` (seconds); the error filter sets the header. */
export class RateLimitedException extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, HttpStatus.TOO_MANY_REQUESTS);
  }
}
