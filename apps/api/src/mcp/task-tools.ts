import { RequestContext, type EntityManager } from '@mikro-orm/postgresql';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { describeError } from '../common/errors.js';
import { describeZodError } from '../common/zod-validation.pipe.js';
import { toTaskView } from '../tasks/task.mapper.js';
import { listTasksFields, TASK_ID_MAX, taskFields, updateTaskSchema } from '../tasks/task.schemas.js';
import type { Task } from '../tasks/task.entity.js';
import type { TasksService } from '../tasks/tasks.service.js';
import type { ListTasksToolResult, TaskToolResult } from './tool-contract.js';

export const MCP_SERVER_NAME = 'todo-tasks';

/** Built once: a server is made per request or chat turn, and a fresh validator each time costs CPU. */
const jsonSchemaValidator = new AjvJsonSchemaValidator();

/** Who the tools act for: the bearer's user, never an argument the model could choose. */
export interface ToolScope {
  userId: string;
  /** The chat turn calling the tools; makes add_task idempotent when a turn is retried. */
  turnKey?: string;
}

const taskIdField = z.number().int().positive().max(TASK_ID_MAX, 'not a task id').describe('The id of the task');

function taskResult(status: TaskToolResult['status'], task: Task, next?: Task): TaskToolResult {
  const result: TaskToolResult = { task_id: task.id, status, title: task.title, task: toTaskView(task) };
  if (next) result.next_task_id = next.id;
  return result;
}

function ok(result: TaskToolResult | ListTasksToolResult): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(result) }], structuredContent: { ...result } };
}

function failure(message: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: message }] };
}

/**
 * Each call gets a unit of work of its own (the model may call tools in parallel), and its errors
 * become tool results with a clear message, never a crash of the agent run.
 */
function guard(em: EntityManager) {
  return (run: () => Promise<CallToolResult>): Promise<CallToolResult> =>
    RequestContext.create(em, async () => {
      try {
        return await run();
      } catch (error) {
        if (error instanceof z.ZodError) return failure(describeZodError(error));
        // Not-found and conflicts as their sentence; driver errors and bugs as a sentence with the request id.
        return failure(describeError(error).message);
      }
    });
}

interface ValidatingServer {
  validateToolInput(tool: { inputSchema?: z.ZodType }, args: unknown, toolName: string): Promise<unknown>;
}

/**
 * The SDK answers bad tool arguments with "MCP error -32602: Input validation error: …" and a JSON dump
 * of zod's issues. The same check here yields one sentence naming the field, as the REST api does
 * ("invalid arguments for add_task: title: title must not contain control characters").
 */
function validateArgumentsInSentences(server: McpServer): void {
  (server as unknown as ValidatingServer).validateToolInput = async (tool, args, toolName) => {
    if (!tool.inputSchema) return undefined;
    const result = await tool.inputSchema.safeParseAsync(args ?? {}, { reportInput: true });
    if (!result.success) throw new Error(`invalid arguments for ${toolName}: ${describeZodError(result.error)}`);
    return result.data;
  };
}

const normalizedTitle = (title: string) => title.trim().toLowerCase().replace(/\s+/g, ' ');

export function createTaskToolServer(tasks: TasksService, em: EntityManager, scope: ToolScope): McpServer {
  const server = new McpServer({ name: MCP_SERVER_NAME, version: '1.0.0' }, { jsonSchemaValidator });
  validateArgumentsInSentences(server);
  const { userId } = scope;
  const guarded = guard(em);

  server.registerTool(
    'add_task',
    {
      description:
        'Create a task. Dates are ISO-8601 with an offset. recurrence repeats the task when it is completed.',
      inputSchema: taskFields,
    },
    (input) =>
      guarded(async () => {
        const key = scope.turnKey ? `${scope.turnKey}:${normalizedTitle(input.title)}` : undefined;
        return ok(taskResult('created', await tasks.create(userId, input, key)));
      }),
  );

  server.registerTool(
    'list_tasks',
    {
      description:
        "List the user's tasks, optionally filtered (status, priority, tag, keyword search, due range) and sorted.",
      inputSchema: listTasksFields,
    },
    (query) =>
      guarded(async () => {
        const found = await tasks.list(userId, query);
        return ok({ tasks: found.map(toTaskView), count: found.length });
      }),
  );

  server.registerTool(
    'update_task',
    {
      description:
        'Change any field of a task: title, description, priority, tags, due_at, remind_at, recurrence, completed.',
      inputSchema: { task_id: taskIdField, ...updateTaskFields() },
    },
    ({ task_id, ...changes }) =>
      guarded(async () => {
        const input = updateTaskSchema.parse(changes);
        const { task, next } = await tasks.update(userId, task_id, input);
        return ok(taskResult('updated', task, next));
      }),
  );

  server.registerTool(
    'complete_task',
    {
      description:
        'Mark a task completed (or not, with completed=false). Completing a recurring task creates its next occurrence.',
      inputSchema: { task_id: taskIdField, completed: z.boolean().default(true) },
    },
    ({ task_id, completed }) =>
      guarded(async () => {
        const { task, next } = await tasks.setCompleted(userId, task_id, completed);
        return ok(taskResult(completed ? 'completed' : 'uncompleted', task, next));
      }),
  );

  server.registerTool(
    'delete_task',
    { description: 'Delete a task.', inputSchema: { task_id: taskIdField } },
    ({ task_id }) => guarded(async () => ok(taskResult('deleted', await tasks.remove(userId, task_id)))),
  );

  return server;
}

function updateTaskFields() {
  return { ...taskFields, title: taskFields.title.optional(), completed: z.boolean().optional() };
}
