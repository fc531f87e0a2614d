import type { TaskView } from '../tasks/task.view.js';

export const TOOL_NAMES = ['add_task', 'list_tasks', 'update_task', 'complete_task', 'delete_task'] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

/** What add_task, update_task, complete_task and delete_task return. */
export interface TaskToolResult {
  task_id: number;
  status: 'created' | 'updated' | 'completed' | 'uncompleted' | 'deleted';
  title: string;
  task: TaskView;
  next_task_id?: number;
}

/** What list_tasks returns (MCP structured content must be an object). */
export interface ListTasksToolResult {
  tasks: TaskView[];
  count: number;
}

/** A tool call as stored with an assistant message and returned by the chat endpoint. */
export interface ToolCallRecord {
  name: ToolName;
  arguments: Record<string, unknown>;
  result: unknown;
  is_error: boolean;
}

/** A tool the model asked for failed; its message is shown to the user ("task 42 not found"). */
export class ToolCallError extends Error {}

/** Calls an MCP task tool for the current user; throws ToolCallError when the tool reports an error. */
export interface ToolCaller {
  call(name: 'list_tasks', args: Record<string, unknown>): Promise<ListTasksToolResult>;
  call(name: Exclude<ToolName, 'list_tasks'>, args: Record<string, unknown>): Promise<TaskToolResult>;
}
