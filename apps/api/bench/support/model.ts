import { addTaskScript, type MockLlm, startMockLlm, textOf } from '@todo-chatbot/testing/mock-llm';

export type { MockLlm };

/** The api suite's OpenAI-compatible mock: add_task for a user message, then a one-line reply. */
export const startModel = (latencyMs: number): Promise<MockLlm> => startMockLlm({ script: addTaskScript, latencyMs });

/** Time the mock spent per turn, keyed by the turn's message (the last user message it was sent). */
export function modelTimeByKey(model: MockLlm): (key: string) => number {
  const byKey = new Map<string, number>();
  for (const { body, durationMs } of model.requests) {
    const key = textOf(body.messages.findLast((m) => m.role === 'user')?.content);
    byKey.set(key, (byKey.get(key) ?? 0) + durationMs);
  }
  return (key) => byKey.get(key) ?? 0;
}
