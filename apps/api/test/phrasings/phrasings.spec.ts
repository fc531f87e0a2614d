import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { Clock } from '../../src/common/clock.js';
import type { TaskView } from '../../src/tasks/task.view.js';
import { type ChatReply, conversation } from '../support/chat.js';
import type { Harness, TestUser } from '../support/harness.js';
import { useApi } from '../support/harness.js';
import { type MockScript, startMockLlm, textOf } from '@todo-chatbot/testing/mock-llm';
import {
  expectedTasks,
  rowName,
  seedArguments,
  stateOf,
  TABLE_NOW,
  TABLE_TIME_ZONE,
  type TaskState,
} from './expectations.js';
import { PHRASINGS, type PhrasingRow } from './phrasings.table.js';

/**
 * The phrasing table (issue 14), row by row, as a new user in a new conversation through the chat endpoint,
 * with the api's clock at the table's. First through the offline engine; then, for every row whose offline
 * run changed tasks, through the @openai/agents agent with a scripted model that makes the same tool calls:
 * the tools must express every capability (numbers, bulk, undo) for a model too, and their errors must reach
 * the model as the sentences the offline engine shows.
 */

const WRITING_TOOLS = new Set([
  'add_task',
  'update_task',
  'complete_task',
  'delete_task',
  'bulk_update_tasks',
  'undo_last_change',
]);

interface Call {
  name: string;
  arguments: Record<string, unknown>;
}

/** One turn of a row's offline run: the tool calls the engine made, and the sentence of a tool error. */
interface RecordedTurn {
  calls: Call[];
  errors: string[];
}

/** The turns the scripted model plays for the row under test (rows run one after another). */
let playing: RecordedTurn[] = [];

/**
 * The scripted model: in the n-th user turn it calls, one by one, the tools of the n-th recorded turn, then
 * answers; an error result is relayed as the model would, in its own reply.
 */
const replay: MockScript = (request) => {
  const lastUser = request.messages.findLastIndex((message) => message.role === 'user');
  const turn = playing[request.messages.filter((message) => message.role === 'user').length - 1];
  const results = request.messages.slice(lastUser + 1).filter((message) => message.role === 'tool');
  const next = turn?.calls[results.length];
  if (next) return { toolCalls: [next] };
  const errors = results.map((result) => textOf(result.content)).filter((text) => !text.trim().startsWith('{'));
  return { content: errors.length > 0 ? errors.join(' ') : 'Done.' };
};

// Started before useApi, whose beforeAll reads the env.
const model = await startMockLlm({ script: replay });
afterAll(() => model.close());
const offline = useApi();
const agent = useApi({ LLM_BASE_URL: model.baseUrl, LLM_MODEL: 'mock-model' });

beforeAll(() => {
  for (const harness of [offline, agent]) {
    jest.spyOn(harness.api.app.get(Clock), 'now').mockImplementation(() => new Date(TABLE_NOW));
  }
});

/** A new user with the row's `given` tasks, added through the REST api in order (numbers 1, 2, 3…). */
async function userWithTasks(h: Harness, row: PhrasingRow): Promise<TestUser> {
  const user = await h.newUser();
  for (const seed of row.given ?? []) {
    const created: TaskView = (await h.post(user, '/api/tasks', seedArguments(seed)).expect(201)).body;
    if (seed.done) await h.patch(user, `/api/tasks/${created.id}`, { completed: true }).expect(200);
  }
  return user;
}

async function taskStates(h: Harness, user: TestUser): Promise<TaskState[]> {
  const tasks: TaskView[] = (await h.get(user, '/api/tasks?status=all&limit=200').expect(200)).body;
  return tasks.map(stateOf).sort((a, b) => a.number - b.number);
}

/** No MCP error, JSON-RPC code or validation dump: a sentence for a person. */
function expectSentence(text: string): void {
  expect(text).not.toMatch(/MCP error|-32\d{3}|invalid_type|"code"|^\s*[[{]/);
}

const recorded = new Map<PhrasingRow, RecordedTurn[]>();

describe('the phrasing table through the offline engine', () => {
  test.each(PHRASINGS.map((row) => [rowName(row), row] as const))('%s', async (_name, row) => {
    const user = await userWithTasks(offline, row);
    const chat = conversation(offline, user, TABLE_TIME_ZONE);
    const turns: RecordedTurn[] = [];
    let last: ChatReply | undefined;
    for (const message of row.say) {
      last = await chat.say(message);
      turns.push({
        calls: last.tool_calls.map(({ name, arguments: args }) => ({ name, arguments: args })),
        errors: last.tool_calls.filter((call) => call.is_error).map((call) => String(call.result)),
      });
    }
    recorded.set(row, turns);

    expect(await taskStates(offline, user)).toEqual(expectedTasks(row));
    const reply = last?.response ?? '';
    expectSentence(reply);
    for (const part of row.replyIncludes ?? []) expect(reply.toLowerCase()).toContain(part.toLowerCase());
    if (row.asks) {
      expect(reply).toContain('?');
      expect(last?.tool_calls.filter((call) => WRITING_TOOLS.has(call.name))).toEqual([]);
    }
  });
});

/**
 * The rows a model's tool calls must repeat: all but questions, reads and ambiguous names, whose point is
 * the offline engine's own wording.
 */
const AGENT_ROWS = PHRASINGS.filter((row) => !row.asks && row.group !== 'list-search' && row.group !== 'ambiguity');

describe('the same rows through the agent, its model scripted to make the same tool calls', () => {
  test.each(AGENT_ROWS.map((row) => [rowName(row), row] as const))('%s', async (_name, row) => {
    const turns = recorded.get(row);
    expect(turns).toHaveLength(row.say.length);
    playing = turns ?? [];
    const user = await userWithTasks(agent, row);
    const chat = conversation(agent, user, TABLE_TIME_ZONE);
    for (const [index, message] of row.say.entries()) {
      const reply = await chat.say(message);
      const turn = playing[index];
      expect(reply.tool_calls.map(({ name, arguments: args }) => ({ name, arguments: args }))).toEqual(turn?.calls);
      expect(reply.tool_calls.filter((call) => call.is_error).map((call) => String(call.result))).toEqual(turn?.errors);
      for (const error of turn?.errors ?? []) {
        expectSentence(error);
        expect(reply.response).toContain(error);
      }
    }
    expect(await taskStates(agent, user)).toEqual(expectedTasks(row));
  });
});
