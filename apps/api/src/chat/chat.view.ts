import type { MessageRole } from '../contracts.js';
import type { ToolCallRecord } from '../mcp/tool-call-record.js';

/** What POST /api/chat answers (and the stream's `done` event carries). */
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
  /** A reply the user stopped: `content` is what was written until then. */
  stopped: boolean;
  created_at: string;
}
