import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** The parts of an OpenAI Chat Completions request the mock and its tests look at. */
export type ChatContent = string | null | Array<{ type: string; text?: string }>;

export interface ChatToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface ChatMessage {
  role: 'system' | 'developer' | 'user' | 'assistant' | 'tool';
  content?: ChatContent;
  tool_calls?: ChatToolCall[];
  tool_call_id?: string;
}

export interface ChatTool {
  type: 'function';
  function: {
    name: string;
    description?: string;
    parameters?: { properties?: Record<string, unknown>; [key: string]: unknown };
  };
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  tools?: ChatTool[];
  stream?: boolean;
  [key: string]: unknown;
}

export type MockReply = { content: string } | { toolCalls: Array<{ name: string; arguments: object }> };

export type MockScript = (request: ChatRequest) => MockReply;

export interface RecordedRequest {
  body: ChatRequest;
  /** From the request's arrival to the end of the response, as the mock measured it. */
  durationMs: number;
}

export interface MockLlmOptions {
  script: MockScript;
  /** A fixed delay before each answer, standing in for the model's thinking time. */
  latencyMs?: number;
  /** A fixed port, e.g. to bring the model back where the api already expects it; default: any free one. */
  port?: number;
  /** A pause between a streamed answer's chunks, as a model writing word by word; default: none. */
  streamGapMs?: number;
}

export interface MockLlm {
  /** OpenAI-style base URL, ending in /v1. */
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const COMPLETION_PATHS = new Set(['/v1/chat/completions', '/chat/completions']);

/** The text of a message, whether sent as a string or as content parts. */
export function textOf(content: ChatContent | undefined): string {
  if (typeof content === 'string') return content;
  return (content ?? []).map((part) => part.text ?? '').join('');
}

async function readJson(request: IncomingMessage): Promise<ChatRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
}

const toolCallsOf = (reply: MockReply): ChatToolCall[] | undefined =>
  'toolCalls' in reply
    ? reply.toolCalls.map((call) => ({
        id: `call_${randomUUID().replaceAll('-', '')}`,
        type: 'function',
        function: { name: call.name, arguments: JSON.stringify(call.arguments) },
      }))
    : undefined;

const finishReason = (reply: MockReply) => ('toolCalls' in reply ? 'tool_calls' : 'stop');

const USAGE = { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 };

function sendCompletion(response: ServerResponse, model: string, reply: MockReply): void {
  const message =
    'toolCalls' in reply
      ? { role: 'assistant', content: null, tool_calls: toolCallsOf(reply) }
      : { role: 'assistant', content: reply.content };
  const body = {
    id: `chatcmpl-${randomUUID()}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message, finish_reason: finishReason(reply), logprobs: null }],
    usage: USAGE,
  };
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** Splits text in two, so a client has to join deltas the way it would with a real model. */
const halves = (text: string): string[] => {
  const middle = Math.ceil(text.length / 2);
  return [text.slice(0, middle), text.slice(middle)].filter(Boolean);
};

/** The chunk deltas of a reply: text word by word; each tool call as its header, then its arguments in pieces. */
function streamDeltas(reply: MockReply): object[] {
  if (!('toolCalls' in reply)) return (reply.content.match(/\S+\s*|\s+/g) ?? []).map((piece) => ({ content: piece }));
  return toolCallsOf(reply)!.flatMap((call, index) => [
    { tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }] },
    ...halves(call.function.arguments).map((piece) => ({ tool_calls: [{ index, function: { arguments: piece } }] })),
  ]);
}

async function sendStream(response: ServerResponse, model: string, reply: MockReply, gapMs: number): Promise<void> {
  const base = {
    id: `chatcmpl-${randomUUID()}`,
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model,
  };
  const chunk = (delta: object, finish: string | null = null) => ({
    ...base,
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  const events = [
    chunk({ role: 'assistant', content: '' }),
    ...streamDeltas(reply).map((delta) => chunk(delta)),
    chunk({}, finishReason(reply)),
    { ...base, choices: [], usage: USAGE },
  ];
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const event of events) {
    if (response.destroyed) return;
    response.write(`data: ${JSON.stringify(event)}\n\n`);
    if (gapMs > 0) await sleep(gapMs);
  }
  response.end('data: [DONE]\n\n');
}

/** A local OpenAI-compatible Chat Completions endpoint whose answers come from `script`. */
export async function startMockLlm({
  script,
  latencyMs = 0,
  port = 0,
  streamGapMs = 0,
}: MockLlmOptions): Promise<MockLlm> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (request, response) => {
    const started = performance.now();
    const path = new URL(request.url ?? '/', 'http://mock').pathname;
    if (request.method !== 'POST' || !COMPLETION_PATHS.has(path)) {
      response
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: `no route ${path}` } }));
      return;
    }
    const body = await readJson(request);
    const record: RecordedRequest = { body, durationMs: 0 };
    requests.push(record);
    response.on('close', () => (record.durationMs = performance.now() - started));
    if (latencyMs > 0) await sleep(latencyMs);
    let reply: MockReply;
    try {
      reply = script(body);
    } catch (error) {
      // A broken script shows up in the api's error message instead of a hung request.
      response
        .writeHead(500, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: (error as Error).message } }));
      return;
    }
    if (body.stream) await sendStream(response, body.model, reply, streamGapMs);
    else sendCompletion(response, body.model, reply);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  // A test file that starts its mock on import and whose tests `jest -t` filters out never runs its afterAll:
  // the idle mock must not keep jest from exiting.
  server.unref();
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // The api's HTTP client keeps connections alive; close() alone would wait for them to time out.
        server.closeAllConnections();
      }),
  };
}

/** "Add a task to buy milk" → "buy milk": the words after a leading "add (a task) (to)". */
function titleFromMessage(message: string): string {
  const title = message.replace(/^\s*add\s+(a\s+task\s+)?(to\s+)?/i, '').trim();
  return (title || message.trim()).slice(0, 200);
}

/** A reply summarising the last tool result: the task's title and number, or the tool's error text. */
function summarise(toolOutput: string): string {
  try {
    const { task } = JSON.parse(toolOutput) as { task: { number: number; title: string } };
    return `Done: "${task.title}" is task ${task.number}.`;
  } catch {
    return `That did not work: ${toolOutput}`;
  }
}

/**
 * The bench's script: a user message asks for add_task with a title from it; a tool result is
 * answered with a summary of it. Anything else is answered plainly.
 */
export const addTaskScript: MockScript = (request) => {
  const last = request.messages.at(-1);
  if (last?.role === 'user')
    return { toolCalls: [{ name: 'add_task', arguments: { title: titleFromMessage(textOf(last.content)) } }] };
  if (last?.role === 'tool') return { content: summarise(textOf(last.content)) };
  return { content: 'How can I help with your tasks?' };
};

/** A reply long enough to stop in the middle of: "word1 word2 … word<count>". */
export const numberedWords = (count: number): string =>
  Array.from({ length: count }, (_, i) => `word${i + 1}`).join(' ');

/**
 * addTaskScript, except that when the user's message mentions a story the reply after the tool is `story`,
 * and a message that is not an "add" is echoed ("You said: …").
 */
export function storyScript(story: string): MockScript {
  return (request) => {
    const last = request.messages.at(-1)!;
    const asked = textOf(request.messages.findLast((m) => m.role === 'user')?.content);
    if (last.role === 'tool' && asked.includes('story')) return { content: story };
    if (last.role === 'user' && !/^add\b/i.test(asked)) return { content: `You said: ${asked}` };
    return addTaskScript(request);
  };
}
