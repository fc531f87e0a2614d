import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { timestamps } from '../database/timestamps.js';

export const ConversationEntity = defineEntity({
  name: 'Conversation',
  tableName: 'conversations',
  indexes: [{ properties: ['userId', 'updatedAt'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    userId: p.string().length(255),
    title: p.string().length(200),
    /** The chat engine's open question (the offline engine's slot filling), kept for the next turn on any replica. */
    pending: p.json<unknown>().nullable(),
    /** What the engine remembers between turns, such as the task numbers "it" and "them" refer to. */
    context: p.json<unknown>().nullable(),
    ...timestamps(),
  },
});

export class Conversation extends ConversationEntity.class {}
ConversationEntity.setClass(Conversation);
