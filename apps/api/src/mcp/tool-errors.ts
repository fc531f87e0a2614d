import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { z } from 'zod';

/**
 * A tool's failure as one sentence for a person ("That title is 2,000 characters; the limit is 500.
 * Shorter?", "You have no task 42."): a model relays it, the offline engine shows it. Never the SDK's
 * "MCP error -32602", a JSON-RPC code or zod's issue dump.
 */

const LABELS: Record<string, string> = {
  add_tags: 'tags to add',
  remove_tags: 'tags to remove',
  due_at: 'due date',
  remind_at: 'reminder time',
  due_before: 'due-before date',
  due_after: 'due-after date',
  recurrence: 'repeat rule',
  frequency: 'repeat frequency',
  interval: 'repeat interval',
  number: 'task number',
  numbers: 'task numbers',
  sort_by: 'sort field',
  completed: 'completed flag',
  overdue: 'overdue flag',
};

/** Sentences for a field left out that a tool needs. */
const MISSING: Record<string, string> = {
  title: 'A task needs a title.',
  number: 'Which task? Give its number.',
  filter: 'Say which tasks: give their numbers, a status, a tag, a priority, a search word or due dates.',
  action: 'Say what to do with those tasks: complete, uncomplete, delete or update.',
};

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

const TAG_LISTS = new Set(['tags', 'add_tags', 'remove_tags']);

const count = (value: number | bigint): string => Number(value).toLocaleString('en-US');

const orList = (values: readonly unknown[]): string =>
  values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;

/** Capitalised and ending in a full stop (or the question or exclamation mark it has). */
function asSentence(text: string): string {
  const trimmed = text.trim();
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.?!]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** The argument an issue is about: its key, and whether it is one element of a list ("tags", 2). */
function fieldOf(issue: z.core.$ZodIssue): { key: string; element: boolean } {
  const path = issue.path;
  const index = path.findLastIndex((part) => typeof part === 'string');
  return { key: index >= 0 ? String(path[index]) : '', element: index >= 0 && index < path.length - 1 };
}

function labelOf(key: string, element: boolean): string {
  if (element && TAG_LISTS.has(key)) return 'tag';
  if (element && key === 'numbers') return 'task number';
  return LABELS[key] ?? key;
}

/** The sentence for the first thing wrong with a tool's arguments. */
function toolArgumentsSentence(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Those arguments are not valid.';
  const { key, element } = fieldOf(issue);
  const label = labelOf(key, element);
  const input = (issue as { input?: unknown }).input;
  const isNumber = key === 'number' || (key === 'numbers' && element);
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string' && typeof input === 'string')
        return `That ${label} is ${count(input.length)} characters; the limit is ${count(issue.maximum)}. Shorter?`;
      if (issue.origin === 'array' && Array.isArray(input))
        return `That is ${count(input.length)} ${label}; the limit is ${count(issue.maximum)}.`;
      if (isNumber) return `You have no task ${input}.`;
      return `The ${label} can be at most ${count(issue.maximum)}.`;
    case 'too_small':
      if (issue.origin === 'string') return key === 'title' ? MISSING.title! : `The ${label} can't be empty.`;
      if (isNumber) return 'Task numbers start at 1.';
      return `The ${label} must be at least ${count(issue.minimum)}.`;
    case 'invalid_type':
      if (input === undefined) return MISSING[key] ?? `The ${label} is missing.`;
      if (isNumber) return 'A task number is a whole number, like 3.';
      return `The ${label} should be ${EXPECTED[issue.expected] ?? issue.expected}.`;
    case 'invalid_value':
      return `The ${label} must be ${orList(issue.values)}.`;
    case 'invalid_format':
      return `The ${label} ${JSON.stringify(input)} is not a date and time; write it like 2026-11-27T09:00:00Z.`;
    case 'unrecognized_keys':
      return `There is no field called ${orList(issue.keys)}.`;
    default:
      // Our own refinements: "title must not contain control characters" names its field by key.
      return asSentence(
        key && issue.message.startsWith(key) ? `the ${label}${issue.message.slice(key.length)}` : issue.message,
      );
  }
}

interface ServerInternals {
  validateToolInput(tool: { inputSchema?: z.ZodType }, args: unknown, toolName: string): Promise<unknown>;
  createToolError(message: string): unknown;
}

/**
 * The SDK answers bad arguments with "MCP error -32602: Input validation error: …" and a JSON dump of
 * zod's issues, and an unknown tool with "MCP error -32602: Tool x not found". Both become sentences.
 */
export function answerErrorsInSentences(server: McpServer): void {
  const internals = server as unknown as ServerInternals;
  internals.validateToolInput = async (tool, args) => {
    if (!tool.inputSchema) return undefined;
    // reportInput: the sentence can say how long the title was, and tell a missing field from a wrong one.
    const result = await tool.inputSchema.safeParseAsync(args ?? {}, { reportInput: true });
    if (!result.success) throw new Error(toolArgumentsSentence(result.error));
    return result.data;
  };
  const createToolError = internals.createToolError.bind(server);
  internals.createToolError = (message) => {
    const unknownTool = /^MCP error -?\d+: Tool (\S+) (?:not found|disabled)$/.exec(message);
    return createToolError(unknownTool ? `There is no tool called ${unknownTool[1]}.` : message);
  };
}
