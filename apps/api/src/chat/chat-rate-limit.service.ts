import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../common/config.js';
import { RateLimitedException } from '../common/rate-limited.exception.js';

const WINDOW_SECONDS = 60;

/**
 * Forgets the user's stamps that left the window, and stamps this turn when fewer than the limit are in
 * it; answers with the database's clock (so replicas with drifting clocks share one window), the oldest
 * stamp in the window and whether the turn was stamped. Parameters: the user id, the window in seconds
 * and the limit, as listed in `takeTurnParameters`.
 */
const TAKE_TURN = `with clock as (select clock_timestamp() as now),
  expired as (
    delete from chat_turn_stamps where user_id = ? and at <= (select now from clock) - make_interval(secs => ?)
  ),
  recent as (
    select at from chat_turn_stamps
     where user_id = ? and at > (select now from clock) - make_interval(secs => ?)
     order by at limit ?
  ),
  stamped as (
    insert into chat_turn_stamps (user_id, at)
    select ?, now from clock where (select count(*) from recent) < ?
    returning at
  )
  select (select now from clock) as now, (select min(at) from recent) as oldest, exists (select from stamped) as stamped`;

const takeTurnParameters = (userId: string, limit: number) => [
  userId,
  WINDOW_SECONDS,
  userId,
  WINDOW_SECONDS,
  limit,
  userId,
  limit,
];

/**
 * CHAT_RATE_LIMIT_PER_MINUTE caps model cost per user: at most N turns in any 60 s (a sliding window).
 * The count lives in PostgreSQL, under a per-user transaction lock, so every replica sees the same one.
 */
@Injectable()
export class ChatRateLimit {
  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts a turn for the user, or throws a 429 (with Retry-After) when the limit is reached. */
  async take(userId: string): Promise<void> {
    const limit = this.config.chatRateLimitPerMinute;
    if (limit === 0) return;
    const retryAfter = await this.em.transactional(async (em) => {
      // Taken before the statement that counts, so that statement sees every turn stamped before it.
      await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 7011))', [`chat-rate:${userId}`]);
      const [turn] = await em.execute<{ now: string; oldest: string | null; stamped: boolean }[]>(
        TAKE_TURN,
        takeTurnParameters(userId, limit),
      );
      if (turn!.stamped) return 0;
      const windowEnds = new Date(turn!.oldest!).getTime() + WINDOW_SECONDS * 1000;
      return Math.max(1, Math.ceil((windowEnds - new Date(turn!.now).getTime()) / 1000));
    });
    if (retryAfter > 0) {
      throw new RateLimitedException(
        `too many chat messages: the limit is ${limit} a minute; try again in ${retryAfter} second${retryAfter === 1 ? '' : 's'}`,
        retryAfter,
      );
    }
  }
}
