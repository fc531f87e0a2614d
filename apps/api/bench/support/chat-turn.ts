import { randomUUID } from 'node:crypto';
import type { Client, Sample } from './load.js';

interface DoneEvent {
  conversation_id?: string;
  tool_calls?: Array<{ name: string; is_error: boolean }>;
}

/** The `done` event of an SSE chat answer, if it has one. */
function doneEvent(body: string): DoneEvent | undefined {
  const block = body.split('\n\n').find((b) => b.startsWith('event: done\n'));
  const data = block && /^data: (.*)$/m.exec(block)?.[1];
  return data ? (JSON.parse(data) as DoneEvent) : undefined;
}

/**
 * A conversation over `POST <url>` (the SSE chat endpoint, as the web's chat page sends it): each turn
 * asks to add a task, so the model answers with one add_task call and then one reply. A turn is ok
 * when the stream ends with `done` carrying one successful add_task.
 */
export function chatClient(url: string, headers: Record<string, string>, label: string): Client {
  let conversationId: string | undefined;
  return async (turn: number): Promise<Sample> => {
    const key = `add a task to water the plants ${label} turn ${turn}`;
    const started = performance.now();
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
        body: JSON.stringify({
          message: key,
          client_message_id: randomUUID(),
          ...(conversationId ? { conversation_id: conversationId } : {}),
        }),
      });
      const body = await response.text();
      const done = doneEvent(body);
      const latencyMs = performance.now() - started;
      conversationId = done?.conversation_id ?? conversationId;
      const call = done?.tool_calls?.length === 1 ? done.tool_calls[0]! : undefined;
      const ok = response.status === 200 && call?.name === 'add_task' && !call.is_error;
      return { key, latencyMs, ok, ...(ok ? {} : { error: `${response.status} ${body.slice(0, 300)}` }) };
    } catch (error) {
      return { key, latencyMs: performance.now() - started, ok: false, error: String(error) };
    }
  };
}
