import { Migrator } from '@mikro-orm/migrations';
import { poolOptions } from '../common/database-client.js';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { fileURLToPath } from 'node:url';
import { ChatTurnStampEntity } from '../chat/chat-turn-stamp.entity.js';
import { ConversationEntity } from '../chat/conversation.entity.js';
import { MessageEntity } from '../chat/message.entity.js';
import { MIGRATIONS } from '../migrations/index.js';
import { IdempotencyKeyEntity } from '../tasks/idempotency-key.entity.js';
import { TaskChangeEntity } from '../tasks/task-change.entity.js';
import { TaskNumberCounterEntity } from '../tasks/task-number-counter.entity.js';
import { TaskEntity } from '../tasks/task.entity.js';

export interface DatabaseSettings {
  url: string;
  poolMax: number;
  /** Per statement; 0 for none (the migrate command: a migration may take long). Default STATEMENT_TIMEOUT_MS. */
  statementTimeoutMs?: number;
}

/** Generated migrations go to src/migrations, beside their snapshot (see `npm run migration:create`). */
export const MIGRATIONS_SOURCE_DIR = fileURLToPath(new URL('../../src/migrations', import.meta.url));

export function ormConfig({ url, poolMax, statementTimeoutMs }: DatabaseSettings): Options {
  return defineConfig({
    clientUrl: url,
    entities: [
      TaskEntity,
      TaskNumberCounterEntity,
      TaskChangeEntity,
      ConversationEntity,
      MessageEntity,
      IdempotencyKeyEntity,
      ChatTurnStampEntity,
    ],
    extensions: [Migrator],
    migrations: {
      migrationsList: MIGRATIONS,
      path: MIGRATIONS_SOURCE_DIR,
      pathTs: MIGRATIONS_SOURCE_DIR,
      emit: 'ts',
      snapshot: true,
      snapshotName: '.snapshot-todo',
      // The snapshot changes only with `migration:create`; a running api must not write into its sources.
      snapshotOnMigrate: false,
      transactional: true,
      allOrNothing: true,
    },
    pool: { min: 0, max: poolMax, idleTimeoutMillis: 30_000 },
    // Fail fast while the database is down or hangs, so requests and readiness answer 503 instead of waiting.
    driverOptions: poolOptions(statementTimeoutMs),
    debug: false,
  });
}
