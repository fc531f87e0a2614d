import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { TestIssuer } from './support/auth.js';
import { freePort } from '../src/common/free-port.js';
import { startApi, type RunningApi } from './support/api.js';
import { TcpProxy } from './support/tcp-proxy.js';
import { waitFor200 } from '@todo-chatbot/testing/processes';

/** The api reaches PostgreSQL only through a proxy the test can cut: a database outage it can stage. */
let proxy: TcpProxy;
let issuer: TestIssuer;
let api: RunningApi;

beforeAll(async () => {
  const database = new URL(process.env.DATABASE_URL!);
  proxy = new TcpProxy({ host: database.hostname, port: Number(database.port || 5432) }, await freePort());
  await proxy.start();
  database.host = `127.0.0.1:${proxy.port}`;
  issuer = await TestIssuer.start();
  api = await startApi(issuer, { DATABASE_URL: database.toString() });
});

afterAll(async () => {
  await api?.close();
  await proxy?.stop();
  await issuer?.close();
});

const status = async (path: string) => (await fetch(`${api.url}${path}`)).status;

/** A request's status and how long it took to answer. */
async function timed(path: string, init: RequestInit = {}): Promise<{ status: number; ms: number; message: string }> {
  const started = Date.now();
  const response = await fetch(`${api.url}${path}`, init);
  const body = (await response.json()) as { message?: string };
  return { status: response.status, ms: Date.now() - started, message: body.message ?? '' };
}

describe('a database outage (SC-027)', () => {
  test('readiness fails while the database is down, liveness never does, and readiness recovers', async () => {
    expect(await status('/ready')).toBe(200);
    await proxy.stop();

    const outageEnds = Date.now() + 10_000;
    const seen = { ready: new Set<number>(), health: new Set<number>() };
    while (Date.now() < outageEnds) {
      const [ready, health] = await Promise.all([status('/ready'), status('/health')]);
      seen.ready.add(ready);
      seen.health.add(health);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect([...seen.ready]).toEqual([503]);
    expect([...seen.health]).toEqual([200]);
    const body = (await (await fetch(`${api.url}/ready`)).json()) as { message: string };
    expect(body.message).toMatch(/^database unavailable/);
    const user = await issuer.token('outage-user');
    const write = await fetch(`${api.url}/api/tasks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'written during the outage' }),
    });
    expect(write.status).toBe(503);
    expect(((await write.json()) as { message: string }).message).toMatch(
      /^database unavailable: try again shortly \(request id [0-9a-f]{16}\)\.$/,
    );

    await proxy.start();
    const recoveredAfterMs = await waitFor200(`${api.url}/ready`, 30_000);
    expect(recoveredAfterMs).toBeLessThan(30_000);
    console.log(`readiness recovered ${recoveredAfterMs} ms after the database returned`);
  }, 60_000);

  test('a database that hangs: reads, writes and chat turns answer 503 within 10 s, readiness fails, and all recover', async () => {
    const token = await issuer.token('hang-user');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const post = (body: object) => ({ method: 'POST', headers, body: JSON.stringify(body) });
    expect((await timed('/api/tasks', post({ title: 'before the hang' }))).status).toBe(201);

    proxy.pause();
    const during = await Promise.all([
      timed('/api/tasks', { headers }),
      timed('/api/tasks', post({ title: 'while the database hangs' })),
      timed('/api/chat', post({ message: 'add a task to call the plumber', client_message_id: randomUUID() })),
      timed('/api/conversations', { headers }),
      timed('/ready'),
    ]);
    for (const answer of during) {
      expect(answer.status).toBe(503);
      expect(answer.message).toMatch(/^database unavailable/);
      expect(answer.ms).toBeLessThan(10_000);
    }
    console.log(`while the database hung: 503 after ${during.map((answer) => answer.ms).join(', ')} ms`);

    proxy.resume();
    await waitFor200(`${api.url}/ready`, 15_000);
    const list = await timed('/api/tasks', { headers });
    expect(list.status).toBe(200);
    expect((await timed('/api/tasks', post({ title: 'after the hang' }))).status).toBe(201);
    const titles = ((await (await fetch(`${api.url}/api/tasks`, { headers })).json()) as { title: string }[]).map(
      (task) => task.title,
    );
    expect(titles).toEqual(expect.arrayContaining(['before the hang', 'after the hang']));
  }, 60_000);
});
