import { BadRequestException } from '@nestjs/common';
import { RequestContext, type EntityManager } from '@mikro-orm/postgresql';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { TaskCommands } from '../tasks/task-commands.service.js';
import type { Task } from '../tasks/task.entity.js';
import { toTaskView } from '../tasks/task.mapper.js';
import type { TasksService } from '../tasks/tasks.service.js';
import type { TaskToolResult } from './tool-contract.js';
import { describeError } from '../common/errors.js';
import { answerErrorsInSentences } from './tool-errors.js';
import {
  addTaskInput,
  bulkUpdateInput,
  completeTaskInput,
  deleteTaskInput,
  listTasksInput,
  undoInput,
  updateTaskInput,
} from './tool-schemas.js';

export const MCP_SERVER_NAME = 'todo-tasks';

/** Built once: /mcp makes a server per request, and a fresh validator each time costs CPU. */
const jsonSchemaValidator = new AjvJsonSchemaValidator();

/** Who the tools act for, and where: never arguments the model could choose. */
export interface ToolScope {
  userId: string;
  /** The chat turn calling the tools; makes add_task idempotent when a turn is retried. */
  turnKey?: string;
  /** Where changes are logged and undo_last_change looks: `conversation:<id>` or `mcp-session:<id>`. */
  changeScope: string;
}

export interface TaskToolServices {
  tasks: TasksService;
  commands: TaskCommands;
  em: EntityManager;
}

function ok(result: object): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(result) }], structuredContent: { ...result } };
}

/** A 4xx's own sentence ("You have no task 42."); anything else the api's sentence with the request id. */
function failure(error: unknown): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: describeError(error).message }] };
}

function taskResult(status: TaskToolResult['status'], { task, next }: { task: Task; next?: Task }): TaskToolResult {
  return { status, task: toTaskView(task), ...(next ? { next_task: toTaskView(next) } : {}) };
}

/** A call's errors become tool results with a sentence, never a crash of the agent run. */
async function answer(run: () => Promise<object>): Promise<CallToolResult> {
  try {
    return ok(await run());
  } catch (error) {
    return failure(error);
  }
}

/**
 * For the calls that work with entities: each gets a unit of work of its own (the model may call tools
 * in parallel). The others (add_task, list_tasks) send plain statements, and need none.
 */
function withUnitOfWork(em: EntityManager) {
  return (run: () => Promise<object>): Promise<CallToolResult> => RequestContext.create(em, () => answer(run));
}

const normalizedTitle = (title: string) => title.trim().toLowerCase().replace(/\s+/g, ' ');

const NOTHING_TO_CHANGE =
  'Say what to change: the title, description, priority, tags, due date, reminder, repeat rule or whether it is done.';

/**
 * The task tools, served over HTTP at /mcp and in process to the chat engines. `scopeOf` gives the scope
 * of the call being handled: a fixed one per /mcp request, the calling turn's for the in-process server.
 */
export function createTaskToolServer({ tasks, commands, em }: TaskToolServices, scopeOf: () => ToolScope): McpServer {
  const server = new McpServer({ name: MCP_SERVER_NAME, version: '1.0.0' }, { jsonSchemaValidator });
  answerErrorsInSentences(server);
  const guarded = withUnitOfWork(em);

  server.registerTool(
    'add_task',
    {
      description:
        'Create a task for the user; only the title is required (ask the user for one rather than inventing it). Returns the task with the number the user will know it by.',
      inputSchema: addTaskInput,
    },
    (input) =>
      answer(async () => {
        const scope = scopeOf();
        const key = scope.turnKey ? `${scope.turnKey}:${normalizedTitle(input.title)}` : undefined;
        return { status: 'created', task: await commands.add(scope, input, key) } satisfies TaskToolResult;
      }),
  );

  server.registerTool(
    'list_tasks',
    {
      description:
        "List the user's tasks, each with its number, filtered and sorted. Use search to find a task the user names by words.",
      inputSchema: listTasksInput,
    },
    (query) =>
      answer(async () => {
        const found = await tasks.list(scopeOf().userId, query);
        return { tasks: found, count: found.length };
      }),
  );

  server.registerTool(
    'update_task',
    {
      description:
        'Change one task, by its number: only the fields given change; null clears description, due_at, remind_at or recurrence. Returns the next occurrence too when completed=true finishes a recurring task.',
      inputSchema: updateTaskInput,
    },
    ({ number, ...changes }) =>
      guarded(async () => {
        if (Object.values(changes).every((value) => value === undefined))
          throw new BadRequestException(NOTHING_TO_CHANGE);
        return taskResult('updated', await commands.update(scopeOf(), number, changes));
      }),
  );

  server.registerTool(
    'complete_task',
    {
      description:
        'Mark one task done, by its number (or not done, with completed=false). Completing a recurring task creates its next occurrence.',
      inputSchema: completeTaskInput,
    },
    ({ number, completed }) =>
      guarded(async () =>
        taskResult(completed ? 'completed' : 'uncompleted', await commands.complete(scopeOf(), number, completed)),
      ),
  );

  server.registerTool(
    'delete_task',
    { description: 'Delete one task, by its number.', inputSchema: deleteTaskInput },
    ({ number }) => guarded(async () => taskResult('deleted', { task: await commands.remove(scopeOf(), number) })),
  );

  server.registerTool(
    'bulk_update_tasks',
    {
      description:
        'Complete, uncomplete, delete or update several tasks at once, chosen by a filter: one all-or-nothing change that one undo reverts. Returns how many tasks changed. Ask the user to confirm before deleting several tasks.',
      inputSchema: bulkUpdateInput,
    },
    (request) =>
      guarded(async () => {
        const { action, count, tasks: changed } = await commands.bulk(scopeOf(), request);
        return { action, count, tasks: changed.map(toTaskView) };
      }),
  );

  server.registerTool(
    'undo_last_change',
    {
      description:
        'Revert the most recent change made in this conversation (an add, update, completion, deletion or bulk change). Calling it again reverts the change before that.',
      inputSchema: undoInput,
    },
    () => guarded(() => commands.undo(scopeOf())),
  );

  return server;
}
