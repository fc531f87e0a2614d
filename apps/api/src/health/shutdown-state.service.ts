import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';

/** Flips to "shutting down" on SIGTERM so readiness fails while in-flight requests finish. */
@Injectable()
export class ShutdownState implements BeforeApplicationShutdown {
  shuttingDown = false;

  beforeApplicationShutdown(): void {
    this.shuttingDown = true;
  }
}
