import { describe, expect, test } from '@jest/globals';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiPathFor, proxiedResponse, upstreamHeaders } from '../src/lib/api-proxy.js';

describe('which browser paths the BFF forwards to the api', () => {
  test.each([
    [['tasks'], '/api/tasks'],
    [['tasks', '42'], '/api/tasks/42'],
    [['tasks', '42', 'complete'], '/api/tasks/42/complete'],
    [['chat'], '/api/chat'],
    [['chat', 'stream'], '/api/chat/stream'],
    [
      ['conversations', '5ba4fca7-0a10-5df7-a426-e19791acd74a', 'messages'],
      '/api/conversations/5ba4fca7-0a10-5df7-a426-e19791acd74a/messages',
    ],
    [['reminders', 'due'], '/api/reminders/due'],
  ])('%j → %s', (segments, path) => {
    expect(apiPathFor(segments)).toBe(path);
  });

  test.each([
    [[]],
    [['mcp']],
    [['metrics']],
    [['auth', 'session']],
    [['tasks', '..', '..', 'mcp']],
    [['tasks', '%2e%2e']],
    [['tasks', 'a b']],
  ])('%j is not forwarded', (segments) => {
    expect(apiPathFor(segments)).toBeNull();
  });
});

/** The headers a server receives from this process's fetch with `headers` (fetch adds some of its own). */
async function headersSeenByApi(headers: Headers): Promise<IncomingHttpHeaders> {
  const server = createServer((request, response) => response.end(JSON.stringify(request.headers)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return (await (await fetch(`http://127.0.0.1:${port}/api/tasks`, { headers })).json()) as IncomingHttpHeaders;
  } finally {
    server.close();
  }
}

/** The task board polls the list with If-None-Match: an unchanged list must reach the browser as a bodiless 304. */
describe('revalidating through the BFF', () => {
  const etag = 'W/"1f-abc"';

  test("the browser's If-None-Match reaches the api as a revalidation, with the user's JWT", async () => {
    const browser = new Request('http://web.test/api/tasks?limit=200', { headers: { 'if-none-match': etag } });
    const seen = await headersSeenByApi(upstreamHeaders(browser, 'jwt', 'req-1'));
    expect(seen['if-none-match']).toBe(etag);
    expect(seen.authorization).toBe('Bearer jwt');
    // Express answers a request with `Cache-Control: no-cache` in full, whatever its If-None-Match.
    expect(seen['cache-control']).not.toMatch(/no-cache/);
    const plain = await headersSeenByApi(upstreamHeaders(new Request('http://web.test/api/tasks'), 'jwt', 'req-2'));
    expect(plain['if-none-match']).toBeUndefined();
  });

  test('the ETag and Cache-Control of a list come back with it', async () => {
    const api = new Response('[]', {
      status: 200,
      headers: { 'content-type': 'application/json', etag, 'cache-control': 'private, no-cache' },
    });
    const browser = await proxiedResponse(api, 'test');
    expect(browser.status).toBe(200);
    expect(browser.headers.get('etag')).toBe(etag);
    expect(browser.headers.get('cache-control')).toBe('private, no-cache');
    expect(await browser.json()).toEqual([]);
  });

  test('a 304 passes through with its ETag and no body', async () => {
    const browser = await proxiedResponse(new Response(null, { status: 304, headers: { etag } }), 'test');
    expect(browser.status).toBe(304);
    expect(browser.headers.get('etag')).toBe(etag);
    expect(browser.body).toBeNull();
  });
});
