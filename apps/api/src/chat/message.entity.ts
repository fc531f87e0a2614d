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
    /** The user stopped the reply: `content` is what was written until then. */
    stopped: p.boolean().default(false),
    /**
     * The user message that replaced this turn (edit and resend): the turn stays in the database but is
     * no longer shown nor part of the model's history.
     */
    supersededBy: p.bigint('number').nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Message extends MessageEntity.class {}
MessageEntity.setClass(Message);
