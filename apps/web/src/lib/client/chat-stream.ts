import { ApiError, errorFrom } from './api';
import { readSse } from './sse';
import type { ChatResponse, ToolCall } from './types';

export interface ChatTurnRequest {
  conversation_id?: string;
  message: string;
  client_message_id: string;
  time_zone: string;
}

export interface ChatTurnHandlers {
  onToolCall: (call: ToolCall) => void;
  onDelta: (text: string) => void;
  /** A retry starts over: drop what the failed attempt streamed. */
  onRetry: () => void;
}

/** The connection broke (or the api was unreachable): safe to resend with the same client_message_id. */
class NetworkFailure extends Error {}

const RETRYABLE_STATUSES = new Set([502, 503, 504]);

async function attempt(request: ChatTurnRequest, handlers: ChatTurnHandlers): Promise<ChatResponse> {
  let response: Response;
  try {
    response = await fetch('/api/chat/stream', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify(request),
    });
  } catch (error) {
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
      if (event === 'tool_call') handlers.onToolCall(payload as ToolCall);
      else if (event === 'delta') handlers.onDelta((payload as { text: string }).text);
      else if (event === 'done') result = payload as ChatResponse;
      else if (event === 'error') failure = (payload as { message: string }).message;
    });
  } catch (error) {
    throw new NetworkFailure((error as Error).message);
  }
  if (failure !== null) throw new ApiError(500, failure);
  if (!result) throw new NetworkFailure('the reply was cut off');
  return result;
}

/** One chat turn over SSE; a broken connection is retried once with the same client_message_id. */
export async function streamChatTurn(request: ChatTurnRequest, handlers: ChatTurnHandlers): Promise<ChatResponse> {
  try {
    return await attempt(request, handlers);
  } catch (error) {
    if (!(error instanceof NetworkFailure)) throw error;
    handlers.onRetry();
    try {
      return await attempt(request, handlers);
    } catch (retryError) {
      if (retryError instanceof NetworkFailure)
        throw new Error('Could not reach the server. Check your connection and retry.');
      throw retryError;
    }
  }
}
