import { defineEntity, p } from '@mikro-orm/core';
import { MESSAGE_ROLES } from '../contracts.js';
import type { ToolCallRecord } from '../mcp/tool-call-record.js';
import { Conversation } from './conversation.entity.js';

export const MessageEntity = defineEntity({
  name: 'Message',
  tableName: 'messages',
  indexes: [{ properties: ['conversation', 'id'] }],
  // A retried turn carries the same client_message_id: the user message is stored once per conversation,
  // and its reply once per user message.
  uniques: [{ properties: ['conversation', 'clientMessageId'] }, { properties: ['replyTo'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    conversation: () => p.manyToOne(Conversation).deleteRule('cascade'),
    userId: p.string().length(255),
    role: p.enum(MESSAGE_ROLES),
    content: p.text(),
    toolCalls: p.json<ToolCallRecord[]>().default([]),
    clientMessageId: p.string().length(200).nullable(),
    /** The user message an assistant message answers. */
    replyTo: p.bigint('number').nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Message extends MessageEntity.class {}
MessageEntity.setClass(Message);
