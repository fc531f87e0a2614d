import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { startApi, type RunningApi } from './support/api.js';
import { useApi } from './support/harness.js';

/** Two replicas on the same database, each with a limit of 2 turns a minute per user. */
const h = useApi({ CHAT_RATE_LIMIT_PER_MINUTE: '2' });
let replica: RunningApi;
beforeAll(async () => {
  replica = await startApi(h.issuer, { CHAT_RATE_LIMIT_PER_MINUTE: '2' });
});
afterAll(async () => {
  await replica?.close();
});

const turn = (message: string) => ({ message, client_message_id: randomUUID() });

describe('per-user chat rate limit (CHAT_RATE_LIMIT_PER_MINUTE)', () => {
  test('the third turn in a minute is a 429 with a sentence and Retry-After, counted across replicas', async () => {
    const user = await h.newUser();
    await h.post(user, '/api/chat', turn('add a task to buy bread')).expect(200);
    await fetchTurn(replica.url, user.token, turn('add a task to buy milk')).then((response) =>
      expect(response.status).toBe(200),
    );

    const limited = await h.post(user, '/api/chat', turn('add a task to buy eggs')).expect(429);
    expect(limited.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect(limited.body.message).toMatch(
      /^too many chat messages: the limit is 2 a minute; try again in \d+ seconds?$/,
    );
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);

    const onReplica = await fetchTurn(replica.url, user.token, turn('add a task to buy eggs'));
    expect(onReplica.status).toBe(429);
    expect(onReplica.headers.get('retry-after')).toMatch(/^\d+$/);
    const streamed = await h
      .post(user, '/api/chat/stream', turn('add a task to buy eggs'))
      .expect(429)
      .expect('content-type', /json/);
    expect(streamed.body.message).toMatch(/^too many chat messages/);

    const titles = ((await h.get(user, '/api/tasks').expect(200)).body as { title: string }[])
      .map((task) => task.title)
      .sort();
    expect(titles).toEqual(['buy bread', 'buy milk']);
  });

  test('one user reaching the limit does not limit another', async () => {
    const busy = await h.newUser();
    const calm = await h.newUser();
    for (let i = 0; i < 2; i++) await h.post(busy, '/api/chat', turn('hello')).expect(200);
    await h.post(busy, '/api/chat', turn('hello')).expect(429);
    await h.post(calm, '/api/chat', turn('hello')).expect(200);
  });
});

function fetchTurn(url: string, token: string, body: object): Promise<Response> {
  return fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
