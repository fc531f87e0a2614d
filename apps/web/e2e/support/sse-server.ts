import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One chat turn as the api streams it (POST /api/chat/stream): `events` in order, then `done` unless `open`. */
export interface ScriptedTurn {
  events: { event: 'tool_call' | 'delta' | 'done'; data: unknown }[];
}

export const sseBody = ({ events }: ScriptedTurn): string =>
  events.map(({ event, data }) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`).join('');

/**
 * A server that answers every request with the start of a reply and then holds the stream open, as a
 * model that is still writing would. `closed` resolves when the browser drops the connection.
 */
export async function startHeldStream(firstEvents: ScriptedTurn): Promise<{
  url: string;
  closed: Promise<void>;
  stop: () => Promise<void>;
}> {
  let markClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => {
    markClosed = resolve;
  });
  const open = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    request.resume();
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    response.write(sseBody(firstEvents));
    open.add(response);
    response.on('close', () => {
      open.delete(response);
      markClosed();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/chat/stream`,
    closed,
    stop: async () => {
      for (const response of open) response.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
