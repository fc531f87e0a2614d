import { defineEntity, p } from '@mikro-orm/core';

/** One chat turn a user started, kept a minute: the per-user rate limit counts these (shared by every replica). */
export const ChatTurnStampEntity = defineEntity({
  name: 'ChatTurnStamp',
  tableName: 'chat_turn_stamps',
  indexes: [{ properties: ['userId', 'at'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    userId: p.string().length(255),
    at: p.datetime(),
  },
});

export class ChatTurnStamp extends ChatTurnStampEntity.class {}
ChatTurnStampEntity.setClass(ChatTurnStamp);
