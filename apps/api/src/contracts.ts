/**
 * The api's JSON contract, as types only: the web app imports these (erased at build time), so each
 * shape is defined once, here in the api.
 */
export type { CompletionView, TaskView } from './tasks/task.view.js';
export type { Frequency, ListTasksQuery, Priority, Recurrence } from './tasks/task.schemas.js';
export type { ToolCallRecord, ToolName } from './mcp/tool-contract.js';
export type { ChatResponse, ConversationView, MessageView } from './chat/chat.views.js';
