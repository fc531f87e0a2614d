/**
 * The api's JSON contract: types (the web app imports these, erased at build time) and the input limits
 * as values, so each shape and each limit is defined once, here in the api. The REST DTOs, the MCP tool
 * schemas and the web's forms all use LIMITS. This module imports nothing at run time.
 */

/** Input limits (characters unless named otherwise). */
export const LIMITS = {
  /** A task title. */
  title: 500,
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
  /** Task ids per POST /api/reminders/ack. */
  reminderAckIds: 500,
  /** Dates (due_at, remind_at, due_before, due_after) must fall in these years (UTC). */
  minYear: 1970,
  maxYear: 9999,
} as const;

export type { CompletionView, TaskView } from './tasks/task.view.js';
export type {
  Frequency,
  ListTasksQuery,
  Priority,
  Recurrence,
  ReminderAckRequest,
  ReminderAckResponse,
} from './tasks/task.schemas.js';
export type { ToolCallRecord, ToolName } from './mcp/tool-contract.js';
export type { ChatResponse, ConversationView, MessageView } from './chat/chat.views.js';
