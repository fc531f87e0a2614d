import { Injectable } from '@nestjs/common';

/**
 * The current time, as one injectable: what a chat turn reads as "now" ("tomorrow", "overdue"). Tests
 * whose expectations name dates fix it on the running app.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
