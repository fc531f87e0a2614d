import type { BulkUpdateToolResult, TaskToolResult, ToolCaller, UndoToolResult } from '../../mcp/tool-contract.js';
import type { ListTasksArguments } from '../../mcp/tool-schemas.js';
import type { BulkAction } from '../../tasks/task.schemas.js';
import type { TaskView } from '../../tasks/task.view.js';
import type { TaskChanges, TaskFilter } from './commands.js';
import type { TaskFields } from './task-fields.js';

/** bulk_update_tasks' filter: TaskFilter without the engine's own `label`. */
export type ToolFilter = Omit<TaskFilter, 'label'>;

/** What bulk_update_tasks can set on every task it selects. */
export type BulkChanges = Omit<TaskChanges, 'title' | 'description'>;

/** The MCP task tools as the offline engine uses them, addressed by the user's task numbers. */
export interface TaskTools {
  add(task: TaskFields & { title: string }): Promise<TaskView>;
  list(filters: ListTasksArguments): Promise<TaskView[]>;
  update(number: number, changes: TaskChanges): Promise<TaskToolResult>;
  complete(number: number, completed: boolean): Promise<TaskToolResult>;
  remove(number: number): Promise<TaskView>;
  bulk(filter: ToolFilter, action: BulkAction, changes?: BulkChanges): Promise<BulkUpdateToolResult>;
  undo(): Promise<UndoToolResult>;
}

/** Calls go through the MCP client; a tool error surfaces as the ToolCallError the caller throws. */
export function taskToolsOver(caller: ToolCaller): TaskTools {
  return {
    add: async (task) => (await caller.call('add_task', task)).task,
    list: async (filters) => (await caller.call('list_tasks', filters)).tasks,
    update: (number, changes) => caller.call('update_task', { number, ...changes }),
    complete: (number, completed) => caller.call('complete_task', { number, completed }),
    remove: async (number) => (await caller.call('delete_task', { number })).task,
    bulk: (filter, action, changes) =>
      caller.call('bulk_update_tasks', { filter, action, ...(changes ? { changes } : {}) }),
    undo: () => caller.call('undo_last_change', {}),
  };
}
