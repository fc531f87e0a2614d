/**
 * The floor comparator: the irreducible work of an agent chat turn on plain node:http + pg + jose, with
 * no framework. POST /api/chat/stream verifies the JWT, stores the user message, asks the model (which
 * calls add_task), inserts the task, asks the model again and streams its reply as SSE, stores the reply.
 * GET /usage reports its own CPU (process.cpuUsage) and RSS, as the api's /metrics does.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import pg from 'pg';

const env = process.env as Record<string, string>;
const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 10 });
const jwks = createRemoteJWKSet(new URL(env.AUTH_JWKS_URL!));
const COMPLETIONS_URL = `${env.LLM_BASE_URL}/chat/completions`;
const INSTRUCTIONS = 'You manage the user’s tasks with the add_task tool.';
const ADD_TASK = {
  type: 'function',
  function: {
    name: 'add_task',
    description: 'Add a task',
    parameters: { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] },
  },
};

type ModelMessage = Record<string, unknown>;
interface ToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** The JSON `data:` payloads of an SSE response, as they arrive. */
async function* sseData(response: Response): AsyncGenerator<any> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body!) {
    buffer += decoder.decode(chunk, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const data = buffer.slice(0, end).replace(/^data: /, '');
      buffer = buffer.slice(end + 2);
      if (data && data !== '[DONE]') yield JSON.parse(data);
    }
  }
}

/** One streamed completion: text deltas go to `onText`; returns the text and the tool call, if any. */
async function complete(messages: ModelMessage[], onText: (text: string) => void) {
  const response = await fetch(COMPLETIONS_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer floor' },
    body: JSON.stringify({ model: 'mock-model', messages, tools: [ADD_TASK], stream: true }),
  });
  if (!response.ok) throw new Error(`the model answered ${response.status}`);
  let text = '';
  let call: ToolCall | undefined;
  for await (const chunk of sseData(response)) {
    const delta = chunk.choices?.[0]?.delta;
    if (delta?.content) {
      text += delta.content;
      onText(delta.content);
    }
    for (const part of delta?.tool_calls ?? []) {
      call ??= { id: '', name: '', arguments: '' };
      call.id ||= part.id ?? '';
      call.name ||= part.function?.name ?? '';
      call.arguments += part.function?.arguments ?? '';
    }
  }
  return { text, call };
}

async function readJson(request: IncomingMessage): Promise<{ message: string; conversation_id?: string }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

const INSERT_MESSAGE =
  'insert into floor_message (conversation_id, user_id, role, content, tool_calls) values ($1, $2, $3, $4, $5)';

/** The JWT's subject, when the token verifies against the issuer's JWKS. */
async function verifiedUser(request: IncomingMessage): Promise<string | undefined> {
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
  const options = { issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE };
  return jwtVerify(token, jwks, options).then(
    ({ payload }) => payload.sub,
    () => undefined,
  );
}

async function turn(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const userId = await verifiedUser(request);
  if (!userId) return void response.writeHead(401).end();
  const body = await readJson(request);
  const conversationId = body.conversation_id ?? randomUUID();
  await pool.query(INSERT_MESSAGE, [conversationId, userId, 'user', body.message, null]);

  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const send = (event: string, data: unknown) => response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const sendText = (text: string) => send('delta', { text });
  const messages: ModelMessage[] = [
    { role: 'system', content: INSTRUCTIONS },
    { role: 'user', content: body.message },
  ];
  const { call } = await complete(messages, sendText);
  if (call?.name !== 'add_task') throw new Error('the model did not call add_task');
  const args = JSON.parse(call.arguments) as { title: string };
  const { rows } = await pool.query<{ id: number; completed: boolean; created_at: Date }>(
    'insert into floor_task (user_id, title) values ($1, $2) returning id, completed, created_at',
    [userId, args.title],
  );
  const task = rows[0]!;
  // The shape of the api's add_task result: { status, task, next_task? }, the task with its number.
  const result = {
    status: 'created',
    task: { id: task.id, number: task.id, title: args.title, completed: task.completed, created_at: task.created_at },
  };
  const toolCall = { name: call.name, arguments: args, result, is_error: false };
  send('tool_call', toolCall);
  messages.push(
    {
      role: 'assistant',
      content: null,
      tool_calls: [{ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } }],
    },
    { role: 'tool', tool_call_id: call.id, content: JSON.stringify(result) },
  );
  const reply = await complete(messages, sendText);
  await pool.query(INSERT_MESSAGE, [conversationId, userId, 'assistant', reply.text, JSON.stringify([toolCall])]);
  send('done', { conversation_id: conversationId, response: reply.text, tool_calls: [toolCall] });
  response.end();
}

function usage(response: ServerResponse): void {
  const { user, system } = process.cpuUsage();
  const body = { cpuMs: (user + system) / 1000, rssBytes: process.memoryUsage.rss() };
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

await pool.query(`
  create table if not exists floor_message (
    id bigserial primary key, conversation_id uuid not null, user_id text not null, role text not null,
    content text not null, tool_calls jsonb, created_at timestamptz not null default now());
  create index if not exists floor_message_conversation on floor_message (conversation_id, id);
  create table if not exists floor_task (
    id serial primary key, user_id text not null, title text not null,
    completed boolean not null default false, created_at timestamptz not null default now());
  create index if not exists floor_task_user on floor_task (user_id)`);

createServer((request, response) => {
  if (request.url === '/usage' || request.url === '/ready') return usage(response);
  if (request.method !== 'POST' || request.url !== '/api/chat/stream') return void response.writeHead(404).end();
  turn(request, response).catch((error: unknown) => {
    if (response.headersSent) response.end(`event: error\ndata: ${JSON.stringify(String(error))}\n\n`);
    else response.writeHead(500).end(String(error));
  });
}).listen(Number(env.PORT), '127.0.0.1');
