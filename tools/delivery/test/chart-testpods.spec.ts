/**
 * The test scripts (health Pod, chat-turn Job), run for real with node against stand-in web/api servers: the
 * chat-turn test passes only when sign-up sets a cookie and /api/chat answers a non-empty `response` (FR-036).
 */
import { spawn } from 'node:child_process';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { findObject, render } from '../src/chart.js';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function serve(handler: Handler): Promise<string> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => handler(req, body, res));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The pod spec of a test: the health Pod's own, the chat-turn Job's template (Argo CD runs it PostSync). */
function testPodSpec(name: 'health' | 'chat'): IPodSpec {
  const objects = render({ env: 'dev' });
  if (name === 'health') return findObject<IPod>(objects, 'Pod', '-test-health').spec!;
  return findObject<IJob>(objects, 'Job', '-test-chat').spec!.template.spec!;
}

/** Runs the test's container command (node -e <script>) with its env, pointing the URLs at local servers. */
async function runTestPod(
  name: 'health' | 'chat',
  urls: { web: string; api: string },
): Promise<{ code: number; output: string }> {
  const c = testPodSpec(name).containers[0]!;
  const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
  for (const e of c.env ?? []) env[e.name] = e.value ?? '';
  env.WEB_URL = urls.web;
  env.API_URL = urls.api;
  const [cmd, ...args] = c.command!;
  const child = spawn(cmd === 'node' ? process.execPath : cmd!, args, { env });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number>((resolve) => child.on('close', (status) => resolve(status ?? 1)));
  return { code, output };
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

/** A stand-in web app: better-auth sign-up and the chat proxy, checking what a real one checks. */
function fakeWeb(chatReply: (req: IncomingMessage, body: string) => [number, unknown]): Handler {
  return (req, body, res) => {
    if (req.method === 'POST' && req.url === '/api/auth/sign-up/email') {
      const { email, password, name } = JSON.parse(body) as Record<string, string>;
      if (
        req.headers.origin !== 'http://localhost:30080' ||
        !email?.includes('@') ||
        (password ?? '').length < 8 ||
        !name
      )
        return json(res, 403, { message: 'bad sign-up' });
      return json(
        res,
        200,
        { user: { email } },
        { 'set-cookie': ['better-auth.session_token=abc.def; Path=/; HttpOnly', 'other=1; Path=/'] },
      );
    }
    if (req.method === 'POST' && req.url === '/api/chat') {
      if (!req.headers.cookie?.includes('better-auth.session_token=abc.def'))
        return json(res, 401, { error: 'unauthenticated' });
      const [status, reply] = chatReply(req, body);
      return json(res, status, reply);
    }
    if (req.url === '/api/health') return json(res, 200, { status: 'ok' });
    json(res, 404, {});
  };
}

describe('test scripts (helm test, Argo CD PostSync)', () => {
  it('chat: passes on a real-looking chat turn and sends the configured message', async () => {
    let sent: Record<string, unknown> = {};
    const web = await serve(
      fakeWeb((_req, body) => {
        sent = JSON.parse(body) as Record<string, unknown>;
        return [200, { conversation_id: 'c1', response: 'Added "buy milk".', tool_calls: [{ name: 'add_task' }] }];
      }),
    );
    const result = await runTestPod('chat', { web, api: 'http://127.0.0.1:1' });
    expect(result.output).toContain('ok   chat turn');
    expect(result.code).toBe(0);
    expect(sent.message).toBe('add a task to buy milk');
    expect(sent.client_message_id).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
  });

  it.each([
    ['an empty response', 200, { conversation_id: 'c1', response: '', tool_calls: [] }],
    ['no response field', 200, { conversation_id: 'c1' }],
    ['an error status', 502, { error: 'api unreachable' }],
  ])('chat: fails on %s', async (_what, status, reply) => {
    const web = await serve(fakeWeb(() => [status, reply]));
    const result = await runTestPod('chat', { web, api: 'http://127.0.0.1:1' });
    expect(result.output).toContain('FAIL');
    expect(result.code).toBe(1);
  });

  it('chat: fails when the web is unreachable', async () => {
    const result = await runTestPod('chat', { web: 'http://127.0.0.1:1', api: 'http://127.0.0.1:1' });
    expect(result.code).toBe(1);
  });

  it('health: passes when web /api/health and api /health + /ready answer, fails while /ready is 503', async () => {
    const web = await serve(fakeWeb(() => [200, {}]));
    let dbUp = true;
    const api = await serve((req, _body, res) => {
      if (req.url === '/health') return json(res, 200, { status: 'ok' });
      if (req.url === '/ready') return json(res, dbUp ? 200 : 503, { status: dbUp ? 'ready' : 'db down' });
      json(res, 404, {});
    });
    const ok = await runTestPod('health', { web, api });
    expect(ok.code).toBe(0);
    expect(ok.output.match(/^ok /gm)).toHaveLength(3);
    dbUp = false;
    const down = await runTestPod('health', { web, api });
    expect(down.code).toBe(1);
    expect(down.output).toContain('FAIL api readiness');
  });
});
