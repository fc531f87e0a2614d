import { afterAll, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { ChatResponse, MessageView } from '../src/chat/chat.view.js';
import type { ToolCallRecord } from '../src/mcp/tool-call-record.js';
import { TOOL_NAMES } from '../src/mcp/tool-contract.js';
import type { TaskView } from '../src/tasks/task.view.js';
import { freePort } from '../src/common/free-port.js';
import { useApi, type TestUser } from './support/harness.js';
import {
  addTaskScript,
  startMockLlm,
  textOf,
  type ChatRequest,
  type MockScript,
  type RecordedRequest,
} from '@todo-chatbot/testing/mock-llm';

/**
 * A user message "complete task N" asks for complete_task, "add …" for add_task (then a summary of
 * the tool result); anything else is answered with an echo, so history can be checked.
 */
const script: MockScript = (request) => {
  const last = request.messages.at(-1)!;
  const text = textOf(last.content);
  const complete = last.role === 'user' ? /^complete task (\d+)$/i.exec(text) : null;
  if (complete) return { toolCalls: [{ name: 'complete_task', arguments: { number: Number(complete[1]) } }] };
  if (last.role === 'user' && !/^add\b/i.test(text)) return { content: `You said: ${text}` };
  return addTaskScript(request);
};

// Started before useApi, whose beforeAll reads the env.
const mock = await startMockLlm({ script });
afterAll(() => mock.close());
const h = useApi({ LLM_BASE_URL: mock.baseUrl, LLM_MODEL: 'mock-model' });

const uniqueTitle = (what: string) => `${what} ${randomUUID().slice(0, 8)}`;

/** The model requests of one turn: those whose last user message is `message`. */
function requestsFor(requests: RecordedRequest[], message: string): ChatRequest[] {
  const lastUserText = (request: ChatRequest) => textOf(request.messages.findLast((m) => m.role === 'user')?.content);
  return requests.map((r) => r.body).filter((body) => lastUserText(body) === message);
}

/** The conversation without the system prompt, as role and text. */
const dialogue = (request: ChatRequest) =>
  request.messages
    .filter((m) => m.role !== 'system' && m.role !== 'developer')
    .map((m) => ({ role: m.role, text: textOf(m.content) }));

function chat(user: TestUser, message: string, conversationId?: string) {
  const body = {
    message,
    client_message_id: randomUUID(),
    ...(conversationId ? { conversation_id: conversationId } : {}),
  };
  return h.post(user, '/api/chat', body);
}

async function storedMessages(user: TestUser, conversationId: string): Promise<MessageView[]> {
  return (await h.get(user, `/api/conversations/${conversationId}/messages`).expect(200)).body as MessageView[];
}

interface SseEvent {
  event: string;
  data: unknown;
}

async function chatStream(user: TestUser, message: string): Promise<SseEvent[]> {
  const response = await fetch(`${h.api.url}/api/chat/stream`, {
    method: 'POST',
    headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ message, client_message_id: randomUUID() }),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  return (await response.text())
    .split('\n\n')
    .filter(Boolean)
    .map((block) => {
      const field = (name: string) =>
        block
          .split('\n')
          .find((line) => line.startsWith(`${name}: `))!
          .slice(name.length + 2);
      return { event: field('event'), data: JSON.parse(field('data')) };
    });
}

describe('chat through the @openai/agents engine', () => {
  test('the model is offered the seven task tools, none of which takes a user id', async () => {
    const user = await h.newUser();
    const message = `hello ${randomUUID()}`;
    const response = await chat(user, message).expect(200);
    expect(response.body).toMatchObject({ response: `You said: ${message}`, tool_calls: [] });

    const [request] = requestsFor(mock.requests, message);
    expect(request!.model).toBe('mock-model');
    expect(request!.tools!.map((tool) => tool.function.name).sort()).toEqual([...TOOL_NAMES].sort());
    for (const tool of request!.tools!) {
      expect(Object.keys(tool.function.parameters?.properties ?? {})).not.toContainEqual(
        expect.stringMatching(/user/i),
      );
    }
  });

  test('add_task asked for by the model creates the task and the reply is stored with its tool call', async () => {
    const user = await h.newUser();
    const title = uniqueTitle('buy milk');
    const message = `add ${title}`;
    const response = await chat(user, message).expect(200);
    const { conversation_id, tool_calls } = response.body as ChatResponse;

    const tasks = (await h.get(user, '/api/tasks').expect(200)).body as TaskView[];
    expect(tasks.map((task) => task.title)).toEqual([title]);
    const { id, number } = tasks[0]!;
    expect(number).toBe(1);
    expect(response.body.response).toBe(`Done: "${title}" is task ${number}.`);
    expect(tool_calls).toEqual([
      {
        name: 'add_task',
        arguments: { title },
        result: { status: 'created', task: expect.objectContaining({ id, number, title }) },
        is_error: false,
      },
    ]);

    const messages = await storedMessages(user, conversation_id);
    expect(messages.map(({ role, content }) => ({ role, content }))).toEqual([
      { role: 'user', content: message },
      { role: 'assistant', content: response.body.response },
    ]);
    expect(messages[1]!.tool_calls).toEqual(tool_calls);

    // The second model call got the tool's JSON result, answering the call the first one made.
    const [first, second] = requestsFor(mock.requests, message);
    const toolMessage = second!.messages.at(-1)!;
    expect(toolMessage.role).toBe('tool');
    expect(JSON.parse(textOf(toolMessage.content))).toMatchObject({ task: { number, title } });
    expect(second!.messages.at(-2)!.tool_calls!.map((call) => call.function.name)).toEqual(['add_task']);
    expect(dialogue(first!)).toEqual([{ role: 'user', text: message }]);
  });

  test('a tool error is stored with is_error, reaches the model as the tool result, and the turn completes', async () => {
    const user = await h.newUser();
    const message = 'complete task 999999999';
    const response = await chat(user, message).expect(200);
    const body = response.body as ChatResponse;
    const error: ToolCallRecord = {
      name: 'complete_task',
      arguments: { number: 999999999 },
      result: 'You have no task 999999999.',
      is_error: true,
    };
    expect(body.tool_calls).toEqual([error]);
    expect(body.response).toBe('That did not work: You have no task 999999999.');
    expect((await storedMessages(user, body.conversation_id))[1]!.tool_calls).toEqual([error]);

    const toolResults = requestsFor(mock.requests, message)
      .flatMap((request) => request.messages)
      .filter((m) => m.role === 'tool')
      .map((m) => textOf(m.content));
    expect(toolResults).toContain('You have no task 999999999.');
  });

  test('a later turn sends the earlier user and assistant messages to the model', async () => {
    const user = await h.newUser();
    const title = uniqueTitle('call mom');
    const first = (await chat(user, `add ${title}`).expect(200)).body as ChatResponse;
    const followUp = `what did I add? ${randomUUID()}`;
    const second = (await chat(user, followUp, first.conversation_id).expect(200)).body as ChatResponse;
    expect(second).toEqual({
      conversation_id: first.conversation_id,
      response: `You said: ${followUp}`,
      tool_calls: [],
    });

    const [request] = requestsFor(mock.requests, followUp);
    expect(dialogue(request!)).toEqual([
      { role: 'user', text: `add ${title}` },
      { role: 'assistant', text: first.response },
      { role: 'user', text: followUp },
    ]);
    expect((await storedMessages(user, first.conversation_id)).map((m) => m.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
  });

  test('the stream sends tool_call and delta events, then done with the stored reply', async () => {
    const user = await h.newUser();
    const title = uniqueTitle('water plants');
    const message = `add ${title}`;
    const events = await chatStream(user, message);

    const names = events.map((e) => e.event);
    expect(names.slice(0, 2)).toEqual(['start', 'tool_call']);
    expect(names.at(-1)).toBe('done');
    expect(names.filter((name) => name !== 'delta')).toEqual(['start', 'tool_call', 'done']);
    expect(names.filter((name) => name === 'delta').length).toBeGreaterThan(1);
    const done = events.at(-1)!.data as ChatResponse;
    const toolCall = events[1]!.data as ToolCallRecord;
    expect(toolCall).toMatchObject({
      name: 'add_task',
      arguments: { title },
      result: { status: 'created', task: { number: 1, title } },
      is_error: false,
    });
    expect(done.tool_calls).toEqual([toolCall]);
    const deltas = events.filter((e) => e.event === 'delta').map((e) => (e.data as { text: string }).text);
    expect(deltas.join('')).toBe(done.response);
    expect(done.response).toBe(`Done: "${title}" is task ${(toolCall.result as { task: TaskView }).task.number}.`);

    const [question, stored] = await storedMessages(user, done.conversation_id);
    expect(events[0]!.data).toEqual({ conversation_id: done.conversation_id, message_id: question!.id });
    expect({ content: stored!.content, tool_calls: stored!.tool_calls }).toEqual({
      content: done.response,
      tool_calls: done.tool_calls,
    });
    const requests = requestsFor(mock.requests, message);
    expect(requests.map((request) => request.stream)).toEqual([true, true]);
  });

  test('"complete task 1" completes the speaker\'s task 1, not another user\'s', async () => {
    const alice = await h.newUser();
    const bob = await h.newUser();
    for (const user of [alice, bob]) await h.post(user, '/api/tasks', { title: 'buy milk' }).expect(201);
    const reply = (await chat(bob, 'complete task 1').expect(200)).body as ChatResponse;
    expect(reply.tool_calls).toEqual([
      expect.objectContaining({ name: 'complete_task', arguments: { number: 1 }, is_error: false }),
    ]);
    const completedOf = async (user: TestUser) =>
      ((await h.get(user, '/api/tasks').expect(200)).body as TaskView[]).map((task) => task.completed);
    expect(await completedOf(bob)).toEqual([true]);
    expect(await completedOf(alice)).toEqual([false]);
  });

  test('the model never sees the user id', async () => {
    const user = await h.newUser();
    const message = `add ${uniqueTitle('secret plans')}`;
    await chat(user, message).expect(200);
    const requests = requestsFor(mock.requests, message);
    expect(requests).toHaveLength(2);
    expect(JSON.stringify(requests)).not.toContain(user.id);
  });
});

/** Where the model will be: nothing listens there until the test starts a mock on it. */
const downPort = await freePort();

describe('when the model is unreachable', () => {
  const port = downPort;
  const down = useApi({ LLM_BASE_URL: `http://127.0.0.1:${port}/v1`, LLM_MODEL: 'mock-model' });

  test('the turn is a 502, and a retry with the same client_message_id completes it once the model is back', async () => {
    const user = await down.newUser();
    const title = uniqueTitle('pay rent');
    const body = { message: `add ${title}`, client_message_id: randomUUID() };
    const failed = await down.post(user, '/api/chat', body).expect(502);
    expect(failed.body.message).toMatch(
      /^the chat engine failed; retry with the same client_message_id \(request id [0-9a-f]{16}\)\.$/,
    );
    await down.get(user, '/api/tasks').expect(200, []);

    const back = await startMockLlm({ script, port });
    try {
      const retried = (await down.post(user, '/api/chat', body).expect(200)).body as ChatResponse;
      expect(retried.tool_calls).toEqual([expect.objectContaining({ name: 'add_task', is_error: false })]);
      const tasks = (await down.get(user, '/api/tasks').expect(200)).body as TaskView[];
      expect(tasks.map((task) => task.title)).toEqual([title]);
      const messages = (await down.get(user, `/api/conversations/${retried.conversation_id}/messages`).expect(200))
        .body as MessageView[];
      expect(messages.map((m) => [m.role, m.content])).toEqual([
        ['user', body.message],
        ['assistant', retried.response],
      ]);
    } finally {
      await back.close();
    }
  });
});
