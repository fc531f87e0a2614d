import { Controller, Get, Logger, ServiceUnavailableException } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { Public } from '../auth/public.decorator.js';
import { ShutdownState } from './shutdown-state.service.js';

const DB_PING_TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

@Public()
@Controller()
export class HealthController {
  private readonly logger = new Logger('Readiness');

  constructor(
    private readonly orm: MikroORM,
    private readonly shutdown: ShutdownState,
  ) {}

  /** Liveness: the process answers. No dependency is checked, so a database outage never restarts pods. */
  @Get('health')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the database answers and the process is not shutting down. */
  @Get('ready')
  async ready(): Promise<{ status: 'ready'; database: 'up' }> {
    if (this.shutdown.shuttingDown) throw new ServiceUnavailableException('shutting down');
    try {
      await withTimeout(this.orm.em.getConnection().execute('select 1'), DB_PING_TIMEOUT_MS);
    } catch (error) {
      this.logger.warn(`readiness: database unavailable: ${(error as Error).message}`);
      throw new ServiceUnavailableException('database unavailable: the database does not answer');
    }
    return { status: 'ready', database: 'up' };
  }
}
