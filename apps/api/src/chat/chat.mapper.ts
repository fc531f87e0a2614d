import type { ConversationView, MessageView } from './chat.view.js';
import type { Conversation } from './conversation.entity.js';
import type { Message } from './message.entity.js';

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
  stopped: message.stopped,
  created_at: message.createdAt.toISOString(),
});
