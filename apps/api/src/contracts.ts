/**
 * The contract between the api and the web app, defined once, here: the JSON shapes (types, erased at
 * build time) and the values both sides use (input limits, routes, SSE event names, the api's port, the
 * JWKS path). The REST DTOs, the MCP tool schemas and the web's forms all use LIMITS. This module imports
 * nothing at run time, so the web bundles it into the browser as well.
 */
import type { ToolCallRecord } from './mcp/tool-call-record.js';
import type { ChatResponse } from './chat/chat.view.js';

/** The api's port unless PORT says otherwise (the image, `npm start`). */
export const API_PORT = 8000;

/** Where the web app publishes the keys of the JWTs it signs (better-auth's JWT plugin). */
export const JWKS_PATH = '/api/auth/jwks';

/** The roots of the api's routes (`/api/<root>/…`) a browser reaches through the web's proxy, and no others. */
export const BROWSER_ROUTE_ROOTS = ['tasks', 'reminders', 'chat', 'conversations'] as const;
export type BrowserRouteRoot = (typeof BROWSER_ROUTE_ROOTS)[number];

/** The path of a browser route as a Nest controller or handler names it: `api/<root>[/<rest>]`. */
export const browserRoute = (root: BrowserRouteRoot, rest?: string): string =>
  rest ? `api/${root}/${rest}` : `api/${root}`;

/**
 * The events of POST /api/chat/stream: `start` once the user message is stored (so a client knows the
 * conversation even if it stops the turn), tool_call and delta while the turn runs, then done or error.
 */
export const CHAT_STREAM_EVENTS = {
  start: 'start',
  toolCall: 'tool_call',
  delta: 'delta',
  done: 'done',
  error: 'error',
} as const;
export type ChatStreamEvent = (typeof CHAT_STREAM_EVENTS)[keyof typeof CHAT_STREAM_EVENTS];

/** The data (JSON) each event of the chat stream carries. */
export interface ChatStreamEventData {
  /** The conversation (new or named) and the stored user message, which `replaces` can name later. */
  start: { conversation_id: string; message_id: number };
  tool_call: ToolCallRecord;
  delta: { text: string };
  done: ChatResponse;
  /** The sentence and request id a plain request would have answered with. */
  error: { status: number; message: string; request_id: string };
}

export const MESSAGE_ROLES = ['user', 'assistant'] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];

/** Input limits (characters unless named otherwise). */
export const LIMITS = {
  /** A task title. */
  title: 500,
  /** A conversation's title (PATCH /api/conversations/:id). */
  conversationTitle: 200,
  /** A task description. */
  description: 5000,
  /** One tag. */
  tag: 50,
  /** Tags per task. */
  tags: 20,
  /** The keyword of a task search. */
  search: 200,
  /** A chat message, in UTF-8 bytes. */
  messageBytes: 8 * 1024,
  /** A chat turn's client_message_id. */
  clientMessageId: 200,
  /** The Idempotency-Key header of POST /api/tasks. */
  idempotencyKey: 200,
  /** Task ids per POST /api/reminders/ack or /api/reminders/dismiss. */
  reminderAckIds: 500,
  /** The N of a recurrence's "every N days/weeks/…". */
  recurrenceInterval: 365,
  /** Dates (due_at, remind_at, due_before, due_after) must fall in these years (UTC). */
  minYear: 1970,
  maxYear: 9999,
} as const;

/** The most missed reminders GET /api/reminders/missed returns (newest first); the web lists as many. */
export const MISSED_REMINDERS_MAX = 50;

export type { CompletionView, TaskView } from './tasks/task.view.js';
export type {
  Frequency,
  ListTasksQuery,
  Priority,
  Recurrence,
  ReminderAckRequest,
  ReminderAckResponse,
  ReminderDismissRequest,
  ReminderDismissResponse,
} from './tasks/task.schemas.js';
export type { ToolCallRecord };
export type { ToolName } from './mcp/tool-contract.js';
export type { ChatResponse, ConversationView, MessageView } from './chat/chat.view.js';
export type { ChatRequest, RenameConversationRequest } from './chat/chat.schemas.js';
