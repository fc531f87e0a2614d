import type { ToolCallRecord } from '../mcp/tool-contract.js';
import type { Conversation } from './conversation.entity.js';
import type { Message, MessageRole } from './message.entity.js';

export interface ChatResponse {
  conversation_id: string;
  response: string;
  tool_calls: ToolCallRecord[];
}

export interface ConversationView {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
}

export interface MessageView {
  id: number;
  role: MessageRole;
  content: string;
  tool_calls: ToolCallRecord[];
  client_message_id: string | null;
  created_at: string;
}

export const toConversationView = (conversation: Conversation): ConversationView => ({
  id: conversation.id,
  title: conversation.title,
  created_at: conversation.createdAt.toISOString(),
  updated_at: conversation.updatedAt.toISOString(),
});

export const toMessageView = (message: Message): MessageView => ({
  id: message.id,
  role: message.role,
  content: message.content,
  tool_calls: message.toolCalls,
  client_message_id: message.clientMessageId ?? null,
  created_at: message.createdAt.toISOString(),
});
