import { randomUUID } from 'node:crypto';
import type { Harness, TestUser } from './harness.js';

export interface ChatReply {
  conversation_id: string;
  response: string;
  tool_calls: { name: string; arguments: Record<string, unknown>; result: any; is_error: boolean }[];
}

/** One conversation of one user: each `say` is a chat turn with a fresh client_message_id. */
export function conversation(h: Harness, user: TestUser, timeZone = 'UTC') {
  let conversationId: string | undefined;
  return {
    get id() {
      return conversationId;
    },
    async say(message: string, expectStatus = 200): Promise<ChatReply> {
      const body = { conversation_id: conversationId, message, client_message_id: randomUUID(), time_zone: timeZone };
      const response = await h.post(user, '/api/chat', body).expect(expectStatus);
      conversationId = response.body.conversation_id;
      return response.body as ChatReply;
    },
  };
}
