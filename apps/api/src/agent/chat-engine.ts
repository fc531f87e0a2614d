import type { MessageRole } from '../contracts.js';
import type { ToolScope } from '../mcp/task-tools.js';
import type { ToolCallRecord } from '../mcp/tool-call-record.js';

/** How many earlier messages a turn loads and the model sees; older ones stay in the database. */
export const HISTORY_WINDOW = 40;

export interface HistoryMessage {
  role: MessageRole;
  content: string;
}

export interface ChatTurn {
  userId: string;
  /** The conversation: the scope of its changes, which "undo" reverts. */
  conversationId: string;
  /** The conversation's latest earlier messages (at most HISTORY_WINDOW), oldest first, from the database. */
  history: HistoryMessage[];
  message: string;
  /** Identifies the turn across retries (the stored user message). */
  turnKey: string;
  now: Date;
  timeZone: string;
  /** What the engine stored with the conversation after the previous turn (the offline engine's question). */
  state: ConversationStateColumns;
  /** Aborted when the user stops the reply: the engine ends early and returns what it had. */
  signal?: AbortSignal;
}

/** The task tools of a turn act for its user, log changes in its conversation, and know the turn across retries. */
export const toolScopeOf = (turn: ChatTurn): ToolScope => ({
  userId: turn.userId,
  turnKey: turn.turnKey,
  changeScope: `conversation:${turn.conversationId}`,
});

/** The conversation's engine state columns: whatever JSON the engine keeps between turns. */
export interface ConversationStateColumns {
  pending: unknown | null;
  context: unknown | null;
}

export type TurnEvent = { type: 'text_delta'; delta: string } | { type: 'tool_call'; call: ToolCallRecord };

export interface TurnOutcome {
  response: string;
  toolCalls: ToolCallRecord[];
  /** Stored with the conversation in the reply's transaction; the next turn gets it back. */
  state?: ConversationStateColumns;
  /** The turn was stopped: `response` and `toolCalls` are what happened until then. */
  stopped?: boolean;
}

/** Runs one chat turn with the MCP task tools: the @openai/agents agent, or the offline engine. */
export interface ChatEngine {
  readonly kind: 'agent' | 'offline';
  run(turn: ChatTurn, onEvent?: (event: TurnEvent) => void): Promise<TurnOutcome>;
}

export const CHAT_ENGINE = Symbol('CHAT_ENGINE');
