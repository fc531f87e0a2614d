import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../common/config.js';
import { RateLimitedException } from '../common/rate-limited.exception.js';
import { ChatTurnStamp } from './chat-turn-stamp.entity.js';

const WINDOW_MS = 60_000;

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
      await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 7011))', [`chat-rate:${userId}`]);
      // The database's clock, so replicas with drifting clocks still share one window.
      const [row] = await em.execute<{ now: Date }[]>('select clock_timestamp() as now');
      const now = new Date(row!.now);
      const since = new Date(now.getTime() - WINDOW_MS);
      await em.nativeDelete(ChatTurnStamp, { userId, at: { $lte: since } });
      const recent = await em.find(ChatTurnStamp, { userId }, { orderBy: { at: 'asc' }, fields: ['at'], limit });
      if (recent.length >= limit)
        return Math.max(1, Math.ceil((recent[0]!.at.getTime() + WINDOW_MS - now.getTime()) / 1000));
      await em.insert(ChatTurnStamp, { userId, at: now });
      return 0;
    });
    if (retryAfter > 0) {
      throw new RateLimitedException(
        `too many chat messages: the limit is ${limit} a minute; try again in ${retryAfter} second${retryAfter === 1 ? '' : 's'}`,
        retryAfter,
      );
    }
  }
}
