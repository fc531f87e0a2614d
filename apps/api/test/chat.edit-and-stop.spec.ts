import { afterAll, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { ChatResponse, MessageView } from '../src/chat/chat.view.js';
import type { TaskView } from '../src/tasks/task.view.js';
import { useApi, type TestUser } from './support/harness.js';
import { type ChatRequest, numberedWords, startMockLlm, storyScript, textOf } from '@todo-chatbot/testing/mock-llm';

/** A reply long enough to stop in the middle of, streamed word by word. */
const STORY = numberedWords(60);

const mock = await startMockLlm({ script: storyScript(STORY), streamGapMs: 25 });
afterAll(() => mock.close());
const h = useApi({ LLM_BASE_URL: mock.baseUrl, LLM_MODEL: 'mock-model' });

const uniqueTitle = (what: string) => `${what} ${randomUUID().slice(0, 8)}`;

async function messagesOf(user: TestUser, conversationId: string): Promise<MessageView[]> {
  return (await h.get(user, `/api/conversations/${conversationId}/messages`).expect(200)).body as MessageView[];
}

async function tasksMatching(user: TestUser, search: string): Promise<TaskView[]> {
  return (await h.get(user, `/api/tasks?search=${encodeURIComponent(search)}`).expect(200)).body as TaskView[];
}

/** The dialogue the model was sent for the turn whose user message is `message`. */
function dialogueSentFor(message: string): { role: string; text: string }[] {
  const isFor = (body: ChatRequest) => textOf(body.messages.findLast((m) => m.role === 'user')?.content) === message;
  const request = mock.requests.map((r) => r.body).find(isFor);
  if (!request) throw new Error(`the model never saw "${message}"`);
  return request.messages
    .filter((m) => m.role === 'user' || (m.role === 'assistant' && textOf(m.content)))
    .map((m) => ({ role: m.role, text: textOf(m.content) }));
}

function say(user: TestUser, message: string, extra: Record<string, unknown> = {}) {
  return h.post(user, '/api/chat', { message, client_message_id: randomUUID(), ...extra });
}

describe('edit and resend', () => {
  test('the edited turn is hidden and left out of the history; its task change stays', async () => {
    const user = await h.newUser();
    const first = uniqueTitle('buy milk');
    const edited = uniqueTitle('buy oat milk');
    const opened = (await say(user, `add ${first}`).expect(200)).body as ChatResponse;
    const [question] = await messagesOf(user, opened.conversation_id);

    const reply = (
      await say(user, `add ${edited}`, { conversation_id: opened.conversation_id, replaces: question!.id }).expect(200)
    ).body as ChatResponse;

    expect(reply.conversation_id).toBe(opened.conversation_id);
    const shown = await messagesOf(user, opened.conversation_id);
    expect(shown.map((m) => [m.role, m.content])).toEqual([
      ['user', `add ${edited}`],
      ['assistant', reply.response],
    ]);
    // The model never hears of the replaced turn; the task it added is still there (undo reverts it).
    expect(dialogueSentFor(`add ${edited}`)).toEqual([{ role: 'user', text: `add ${edited}` }]);
    expect((await tasksMatching(user, first)).map((t) => t.title)).toEqual([first]);
    expect((await tasksMatching(user, edited)).map((t) => t.title)).toEqual([edited]);
  });

  test('a retried edit (same client_message_id) runs once', async () => {
    const user = await h.newUser();
    const title = uniqueTitle('call the bank');
    const opened = (await say(user, 'hello').expect(200)).body as ChatResponse;
    const [question] = await messagesOf(user, opened.conversation_id);
    const edit = {
      conversation_id: opened.conversation_id,
      message: `add ${title}`,
      client_message_id: randomUUID(),
      replaces: question!.id,
    };
    const [one, two] = await Promise.all([h.post(user, '/api/chat', edit), h.post(user, '/api/chat', edit)]);
    expect([one.status, two.status]).toEqual([200, 200]);
    expect(two.body.response).toBe(one.body.response);
    expect((await messagesOf(user, opened.conversation_id)).length).toBe(2);
    expect((await tasksMatching(user, title)).length).toBe(1);
  });

  test("only the last message can be edited, only in the user's own conversation, and the error says why", async () => {
    const user = await h.newUser();
    const opened = (await say(user, 'first').expect(200)).body as ChatResponse;
    await say(user, 'second', { conversation_id: opened.conversation_id }).expect(200);
    const [first, , second] = await messagesOf(user, opened.conversation_id);

    const older = await say(user, 'first, edited', { conversation_id: opened.conversation_id, replaces: first!.id });
    expect(older.status).toBe(409);
    expect(older.body.message).toBe(
      `only the last message of a conversation can be edited; message ${first!.id} is not`,
    );
    const withoutConversation = await say(user, 'edited', { replaces: second!.id });
    expect(withoutConversation.status).toBe(400);
    expect(JSON.stringify(withoutConversation.body.message)).toContain('replaces needs the conversation_id');
    const stranger = await h.newUser();
    await say(stranger, 'mine now', { conversation_id: opened.conversation_id, replaces: second!.id }).expect(404);

    // Nothing was lost or added by the refused edits.
    expect((await messagesOf(user, opened.conversation_id)).map((m) => m.content)).toEqual([
      'first',
      'You said: first',
      'second',
      'You said: second',
    ]);
  });
});

describe('stopping a streamed reply', () => {
  test('the stream starts with the conversation; a stop keeps what was written, marked stopped, and the tool changes', async () => {
    const user = await h.newUser();
    // The title mentions a story, so the model writes STORY after adding the task.
    const title = uniqueTitle('buy a story book');
    const message = `add ${title}`;
    const stop = new AbortController();
    const response = await fetch(`${h.api.url}/api/chat/stream`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message, client_message_id: randomUUID() }),
      signal: stop.signal,
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = '';
    while (!received.includes('word5 ')) received += (await reader.read()).value ?? '';
    stop.abort();

    const start = /^event: start\ndata: (.+)$/m.exec(received);
    expect(received.startsWith('event: start\n')).toBe(true);
    const { conversation_id: conversationId } = JSON.parse(start![1]!) as { conversation_id: string };
    let messages: MessageView[] = [];
    for (let attempt = 0; attempt < 100 && messages.length < 2; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      messages = await messagesOf(user, conversationId);
    }
    const reply = messages[1]!;
    expect(reply).toMatchObject({ role: 'assistant', stopped: true });
    expect(reply.content.startsWith('word1 word2 word3 word4 word5')).toBe(true);
    expect(STORY.startsWith(reply.content)).toBe(true);
    expect(reply.content.length).toBeLessThan(STORY.length);
    expect(reply.tool_calls.map((call) => call.name)).toEqual(['add_task']);
    expect((await tasksMatching(user, title)).map((t) => t.title)).toEqual([title]);

    // The next turn continues the same conversation, and the model sees the stopped reply as it was.
    await say(user, 'go on', { conversation_id: conversationId }).expect(200);
    expect(dialogueSentFor('go on')).toEqual([
      { role: 'user', text: message },
      { role: 'assistant', text: reply.content },
      { role: 'user', text: 'go on' },
    ]);
  });
});
