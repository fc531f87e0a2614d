import { Injectable } from '@nestjs/common';

/** Set on SIGTERM, before the server stops: readiness fails so traffic drains away first. */
@Injectable()
export class ShutdownState {
  shuttingDown = false;
}
