import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '@todo-chatbot/api/free-port';
import { addTaskScript, startMockLlm, type MockLlm } from '@todo-chatbot/testing/mock-llm';
import { docker, images, publishedPort } from './support/docker.js';
import { ContainerIssuer, ISSUER } from './support/resilience-issuer.js';

/**
 * The api image's model engine: @openai/agents, the OpenAI client and the in-process MCP tools are bundled
 * into dist/main.js, and only a configured model (LLM_BASE_URL) takes that path; compose and the resilience
 * suite run the offline engine. The container shares the host's network to reach the mock model and issuer.
 */
const { API_IMAGE, POSTGRES_IMAGE } = images();
const RUN = `model-${randomBytes(3).toString('hex')}`;
const PG = `${RUN}-pg`;
const API = `${RUN}-api`;
const PG_PASSWORD = 'model-engine';
const HARDENING = ['--read-only', '--tmpfs', '/tmp', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges'];

interface ChatReply {
  conversation_id: string;
  response: string;
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await sleep(250);
  }
}

describe('the api image with a model configured', () => {
  let mock: MockLlm;
  let issuer: ContainerIssuer;
  let apiUrl = '';

  beforeAll(async () => {
    mock = await startMockLlm({ script: addTaskScript });
    issuer = await ContainerIssuer.start('127.0.0.1');
    await docker(
      'run',
      '-d',
      '--name',
      PG,
      '--label',
      RUN,
      '--stop-signal',
      'SIGINT',
      '-p',
      '127.0.0.1::5432',
      '-e',
      `POSTGRES_PASSWORD=${PG_PASSWORD}`,
      '-e',
      'POSTGRES_DB=todo',
      POSTGRES_IMAGE,
    );
    await waitFor(
      'PostgreSQL was not ready',
      async () => !!(await docker('exec', PG, 'pg_isready', '-U', 'postgres', '-h', '127.0.0.1', '-d', 'todo')),
      60_000,
    );
    const databaseUrl = `postgresql://postgres:${PG_PASSWORD}@127.0.0.1:${await publishedPort(PG, 5432)}/todo`;
    const host = ['--network', 'host', '--user', '1000:1000', ...HARDENING, '-e', `DATABASE_URL=${databaseUrl}`];
    await docker('run', '--rm', '--label', RUN, ...host, API_IMAGE, 'node', 'dist/migrate.js');
    const port = await freePort();
    await docker(
      'run',
      '-d',
      '--name',
      API,
      '--label',
      RUN,
      ...host,
      '-e',
      `PORT=${port}`,
      '-e',
      `BETTER_AUTH_URL=${ISSUER}`,
      '-e',
      `AUTH_JWKS_URL=${issuer.jwksUrl}`,
      '-e',
      `LLM_BASE_URL=${mock.baseUrl}`,
      '-e',
      'LLM_MODEL=mock-model',
      '-e',
      'LOG_LEVEL=warn',
      API_IMAGE,
    );
    apiUrl = `http://127.0.0.1:${port}`;
    await waitFor('the api was not ready', async () => (await fetch(`${apiUrl}/ready`)).ok, 60_000);
  }, 180_000);

  afterAll(async () => {
    const containers = (await docker('ps', '-aq', '--filter', `label=${RUN}`)).split('\n').filter(Boolean);
    if (containers.length) await docker('rm', '-f', '-v', ...containers);
    await mock?.close();
    await issuer?.close();
  }, 60_000);

  test('a chat turn asks the model, which adds a task through the MCP tools', async () => {
    const token = await issuer.token(`${RUN}-user`);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const title = `buy oat milk ${randomUUID().slice(0, 8)}`;

    const engine = await fetch(`${apiUrl}/api/chat/engine`, { headers });
    expect(await engine.json()).toEqual({ engine: 'agent' });

    const turn = await fetch(`${apiUrl}/api/chat`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ message: `add a task to ${title}`, client_message_id: randomUUID() }),
    });
    expect(turn.status).toBe(200);
    expect(((await turn.json()) as ChatReply).response).toContain(title);

    const tasks = (await (await fetch(`${apiUrl}/api/tasks`, { headers })).json()) as { title: string }[];
    expect(tasks.map((task) => task.title)).toContain(title);
    const offered = mock.requests[0]!.body.tools?.map((tool) => tool.function.name);
    expect(offered).toContain('add_task');
  });

  test('a streamed chat turn sends the tool call, the text and the stored reply', async () => {
    const token = await issuer.token(`${RUN}-streamer`);
    const title = `water the plants ${randomUUID().slice(0, 8)}`;
    const stream = await fetch(`${apiUrl}/api/chat/stream`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message: `add a task to ${title}`, client_message_id: randomUUID() }),
    });
    expect(stream.status).toBe(200);
    const events = (await stream.text())
      .split('\n\n')
      .map((block) => /^event: (\S+)$/m.exec(block)?.[1])
      .filter(Boolean);
    expect(events).toEqual(expect.arrayContaining(['start', 'tool_call', 'delta', 'done']));
    expect(events.at(-1)).toBe('done');
  });
});
