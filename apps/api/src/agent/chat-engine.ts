import type { MessageRole } from '../chat/message.entity.js';
import type { ToolCallRecord } from '../mcp/tool-contract.js';

export interface HistoryMessage {
  role: MessageRole;
  content: string;
}

export interface ChatTurn {
  userId: string;
  /** Earlier messages of the conversation, oldest first, loaded from the database. */
  history: HistoryMessage[];
  message: string;
  /** Identifies the turn across retries (the stored user message). */
  turnKey: string;
  now: Date;
  timeZone: string;
}

export type TurnEvent = { type: 'text_delta'; delta: string } | { type: 'tool_call'; call: ToolCallRecord };

export interface TurnOutcome {
  response: string;
  toolCalls: ToolCallRecord[];
}

/** Runs one chat turn with the MCP task tools: the @openai/agents agent, or the offline engine. */
export interface ChatEngine {
  readonly kind: 'agent' | 'offline';
  run(turn: ChatTurn, onEvent?: (event: TurnEvent) => void): Promise<TurnOutcome>;
}

export const CHAT_ENGINE = Symbol('CHAT_ENGINE');
