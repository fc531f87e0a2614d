import { CHAT_STREAM_EVENTS, type ChatRequest, type ChatStreamEventData } from '@todo-chatbot/api/contracts';
import { ApiError, errorFrom } from './api';
import { readSse } from './sse';
import type { ChatResponse, ToolCallRecord } from './types';

export interface ChatTurnHandlers {
  /** The user message is stored: its id, and the conversation (a new one's id comes here first). */
  onStart: (started: ChatStreamEventData['start']) => void;
  onToolCall: (call: ToolCallRecord) => void;
  onDelta: (text: string) => void;
  /** A retry starts over: drop what the failed attempt streamed. */
  onRetry: () => void;
}

/** The connection broke (or the api was unreachable): safe to resend with the same client_message_id. */
class NetworkFailure extends Error {}

const RETRYABLE_STATUSES = new Set([502, 503, 504]);

async function attempt(request: ChatRequest, handlers: ChatTurnHandlers, signal?: AbortSignal): Promise<ChatResponse> {
  let response: Response;
  try {
    response = await fetch('/api/chat/stream', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify(request),
      signal,
    });
  } catch (error) {
    // The user stopped the turn: not a network failure, so not retried.
    if (signal?.aborted) throw error;
    throw new NetworkFailure((error as Error).message);
  }
  if (RETRYABLE_STATUSES.has(response.status)) throw new NetworkFailure((await errorFrom(response)).message);
  if (!response.ok) throw await errorFrom(response);
  if (!response.body) throw new NetworkFailure('empty response');

  let result: ChatResponse | null = null;
  let failure: string | null = null;
  try {
    await readSse(response.body, ({ event, data }) => {
      const payload: unknown = JSON.parse(data);
      if (event === CHAT_STREAM_EVENTS.start) handlers.onStart(payload as ChatStreamEventData['start']);
      else if (event === CHAT_STREAM_EVENTS.toolCall) handlers.onToolCall(payload as ChatStreamEventData['tool_call']);
      else if (event === CHAT_STREAM_EVENTS.delta) handlers.onDelta((payload as ChatStreamEventData['delta']).text);
      else if (event === CHAT_STREAM_EVENTS.done) result = payload as ChatStreamEventData['done'];
      else if (event === CHAT_STREAM_EVENTS.error) failure = (payload as ChatStreamEventData['error']).message;
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new NetworkFailure((error as Error).message);
  }
  if (failure !== null) throw new ApiError(500, failure);
  if (!result) throw new NetworkFailure('the reply was cut off');
  return result;
}

/**
 * One chat turn over SSE; a broken connection is retried once with the same client_message_id.
 * Aborting `signal` (Stop) ends it at once with the AbortError.
 */
export async function streamChatTurn(
  request: ChatRequest,
  handlers: ChatTurnHandlers,
  signal?: AbortSignal,
): Promise<ChatResponse> {
  try {
    return await attempt(request, handlers, signal);
  } catch (error) {
    if (!(error instanceof NetworkFailure)) throw error;
    handlers.onRetry();
    try {
      return await attempt(request, handlers, signal);
    } catch (retryError) {
      if (retryError instanceof NetworkFailure)
        throw new Error('Could not reach the server. Check your connection and retry.');
      throw retryError;
    }
  }
}
