import type { BulkAction, ChangeKind } from '../tasks/task.schemas.js';
import type { TaskView } from '../tasks/task.view.js';
import type {
  AddTaskArguments,
  BulkUpdateArguments,
  CompleteTaskArguments,
  DeleteTaskArguments,
  ListTasksArguments,
  UpdateTaskArguments,
} from './tool-schemas.js';

export const TOOL_NAMES = [
  'add_task',
  'list_tasks',
  'update_task',
  'complete_task',
  'delete_task',
  'bulk_update_tasks',
  'undo_last_change',
] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

/** What add_task, update_task, complete_task and delete_task return; tasks carry their `number`. */
export interface TaskToolResult {
  status: 'created' | 'updated' | 'completed' | 'uncompleted' | 'deleted';
  task: TaskView;
  /** The next occurrence, when the call completed a recurring task. */
  next_task?: TaskView;
}

/** What list_tasks returns (MCP structured content must be an object). */
export interface ListTasksToolResult {
  tasks: TaskView[];
  count: number;
}

/** What bulk_update_tasks returns: the tasks after the change (deleted ones as they were). */
export interface BulkUpdateToolResult {
  action: BulkAction;
  count: number;
  tasks: TaskView[];
}

/** What undo_last_change returns: the tasks put back, or for an undone add, the tasks it removed. */
export interface UndoToolResult {
  undone: ChangeKind;
  count: number;
  tasks: TaskView[];
}

/** A tool failed; its message is the tool's sentence for the user ("You have no task 42."). */
export class ToolCallError extends Error {}

/** Calls an MCP task tool for the current user; throws ToolCallError when the tool reports an error. */
export interface ToolCaller {
  call(name: 'add_task', args: AddTaskArguments): Promise<TaskToolResult>;
  call(name: 'list_tasks', args: ListTasksArguments): Promise<ListTasksToolResult>;
  call(name: 'update_task', args: UpdateTaskArguments): Promise<TaskToolResult>;
  call(name: 'complete_task', args: CompleteTaskArguments): Promise<TaskToolResult>;
  call(name: 'delete_task', args: DeleteTaskArguments): Promise<TaskToolResult>;
  call(name: 'bulk_update_tasks', args: BulkUpdateArguments): Promise<BulkUpdateToolResult>;
  call(name: 'undo_last_change', args: Record<string, never>): Promise<UndoToolResult>;
}
