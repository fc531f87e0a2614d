import type { EntityName } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ChatTurnStamp } from '../chat/chat-turn-stamp.entity.js';
import { Conversation } from '../chat/conversation.entity.js';
import { Message } from '../chat/message.entity.js';
import { IdempotencyKey } from '../tasks/idempotency-key.entity.js';
import { TaskChange } from '../tasks/task-change.entity.js';
import { TaskNumberCounter } from '../tasks/task-number-counter.entity.js';
import { Task } from '../tasks/task.entity.js';

/** Every entity that keeps a user's rows, keyed by `userId`: an account's deletion empties each. */
const USER_OWNED: EntityName<{ userId: string }>[] = [
  Message,
  Conversation,
  ChatTurnStamp,
  TaskChange,
  Task,
  TaskNumberCounter,
  IdempotencyKey,
];

@Injectable()
export class AccountService {
  constructor(private readonly em: EntityManager) {}

  /** Deletes everything the user owns in one transaction: all of it, or (on failure) none of it. */
  async deleteEverything(userId: string): Promise<void> {
    await this.em.transactional(async (em) => {
      for (const entity of USER_OWNED) await em.nativeDelete(entity, { userId });
    });
  }
}
