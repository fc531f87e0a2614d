/**
 * The floor comparator: the irreducible work of an agent chat turn with no framework and no agent library.
 * It stores the user message (common.ts), asks the model (which calls add_task), inserts the task, asks
 * the model again and streams its reply as SSE, stores the reply.
 */
import { env, finishTurn, INSTRUCTIONS, insertTask, type Send, serveFloor, type TurnRequest } from './common.js';

const COMPLETIONS_URL = `${env.LLM_BASE_URL}/chat/completions`;
const ADD_TASK = {
  type: 'function',
  function: {
    name: 'add_task',
    description: 'Add a task',
    parameters: { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] },
  },
};

type ModelMessage = Record<string, unknown>;
interface ToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** The JSON `data:` payloads of an SSE response, as they arrive. */
async function* sseData(response: Response): AsyncGenerator<any> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body!) {
    buffer += decoder.decode(chunk, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const data = buffer.slice(0, end).replace(/^data: /, '');
      buffer = buffer.slice(end + 2);
      if (data && data !== '[DONE]') yield JSON.parse(data);
    }
  }
}

/** One streamed completion: text deltas go to `onText`; returns the text and the tool call, if any. */
async function complete(messages: ModelMessage[], onText: (text: string) => void) {
  const response = await fetch(COMPLETIONS_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer floor' },
    body: JSON.stringify({ model: 'mock-model', messages, tools: [ADD_TASK], stream: true }),
  });
  if (!response.ok) throw new Error(`the model answered ${response.status}`);
  let text = '';
  let call: ToolCall | undefined;
  for await (const chunk of sseData(response)) {
    const delta = chunk.choices?.[0]?.delta;
    if (delta?.content) {
      text += delta.content;
      onText(delta.content);
    }
    for (const part of delta?.tool_calls ?? []) {
      call ??= { id: '', name: '', arguments: '' };
      call.id ||= part.id ?? '';
      call.name ||= part.function?.name ?? '';
      call.arguments += part.function?.arguments ?? '';
    }
  }
  return { text, call };
}

async function turn(request: TurnRequest, send: Send): Promise<void> {
  const sendText = (text: string) => send('delta', { text });
  const messages: ModelMessage[] = [
    { role: 'system', content: INSTRUCTIONS },
    { role: 'user', content: request.message },
  ];
  const { call } = await complete(messages, sendText);
  if (call?.name !== 'add_task') throw new Error('the model did not call add_task');
  const args = JSON.parse(call.arguments) as { title: string };
  const result = await insertTask(request.userId, args.title);
  const toolCall = { name: call.name, arguments: args, result, is_error: false };
  send('tool_call', toolCall);
  messages.push(
    {
      role: 'assistant',
      content: null,
      tool_calls: [{ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } }],
    },
    { role: 'tool', tool_call_id: call.id, content: JSON.stringify(result) },
  );
  const reply = await complete(messages, sendText);
  await finishTurn(request, send, reply.text, [toolCall]);
}

await serveFloor(turn);
