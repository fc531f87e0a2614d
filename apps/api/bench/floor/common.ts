/**
 * What both floor comparators share: plain node:http + pg + jose, no framework. POST /api/chat/stream
 * verifies the JWT and runs the server's turn; GET /usage reports its own CPU (process.cpuUsage) and RSS,
 * as the api's /metrics does.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import pg from 'pg';

export const env = process.env as Record<string, string>;
const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 10 });
const jwks = createRemoteJWKSet(new URL(env.AUTH_JWKS_URL!));

export const INSTRUCTIONS = 'You manage the user’s tasks with the add_task tool.';
const INSERT_MESSAGE =
  'insert into floor_message (conversation_id, user_id, role, content, tool_calls) values ($1, $2, $3, $4, $5)';

export interface TurnRequest {
  userId: string;
  message: string;
  conversationId: string;
}

/** A turn's SSE answer: `send` writes one event. */
export type Send = (event: string, data: unknown) => void;

/** The JWT's subject, when the token verifies against the issuer's JWKS. */
async function verifiedUser(request: IncomingMessage): Promise<string | undefined> {
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
  const options = { issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE };
  return jwtVerify(token, jwks, options).then(
    ({ payload }) => payload.sub,
    () => undefined,
  );
}

async function readJson(request: IncomingMessage): Promise<{ message: string; conversation_id?: string }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** Inserts the task the model asked for; returns the api's add_task result shape: { status, task }. */
export async function insertTask(userId: string, title: string) {
  const { rows } = await pool.query<{ id: number; completed: boolean; created_at: Date }>(
    'insert into floor_task (user_id, title) values ($1, $2) returning id, completed, created_at',
    [userId, title],
  );
  const task = rows[0]!;
  return {
    status: 'created',
    task: { id: task.id, number: task.id, title, completed: task.completed, created_at: task.created_at },
  };
}

/** Stores the reply and ends the stream with `done`, as the api does. */
export async function finishTurn(
  { userId, conversationId }: TurnRequest,
  send: Send,
  text: string,
  toolCalls: object[],
): Promise<void> {
  await pool.query(INSERT_MESSAGE, [conversationId, userId, 'assistant', text, JSON.stringify(toolCalls)]);
  send('done', { conversation_id: conversationId, response: text, tool_calls: toolCalls });
}

function usage(response: ServerResponse): void {
  const { user, system } = process.cpuUsage();
  const body = { cpuMs: (user + system) / 1000, rssBytes: process.memoryUsage.rss() };
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** Creates the floor's tables and serves `turn` (the user message is stored before it runs). */
export async function serveFloor(turn: (request: TurnRequest, send: Send) => Promise<void>): Promise<void> {
  await pool.query(`
    create table if not exists floor_message (
      id bigserial primary key, conversation_id uuid not null, user_id text not null, role text not null,
      content text not null, tool_calls jsonb, created_at timestamptz not null default now());
    create index if not exists floor_message_conversation on floor_message (conversation_id, id);
    create table if not exists floor_task (
      id serial primary key, user_id text not null, title text not null,
      completed boolean not null default false, created_at timestamptz not null default now());
    create index if not exists floor_task_user on floor_task (user_id)`);

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const userId = await verifiedUser(request);
    if (!userId) return void response.writeHead(401).end();
    const body = await readJson(request);
    const conversationId = body.conversation_id ?? crypto.randomUUID();
    await pool.query(INSERT_MESSAGE, [conversationId, userId, 'user', body.message, null]);
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const send: Send = (event, data) => response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    await turn({ userId, message: body.message, conversationId }, send);
    response.end();
  };

  createServer((request, response) => {
    if (request.url === '/usage' || request.url === '/ready') return usage(response);
    if (request.method !== 'POST' || request.url !== '/api/chat/stream') return void response.writeHead(404).end();
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) response.end(`event: error\ndata: ${JSON.stringify(String(error))}\n\n`);
      else response.writeHead(500).end(String(error));
    });
  }).listen(Number(env.PORT), '127.0.0.1');
}
