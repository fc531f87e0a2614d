/**
 * The agent library's floor: the plain floor's turn (plain-server.ts) with @openai/agents making the two
 * model calls and the tool call, as the api does, but with one function tool doing a plain `pg` insert,
 * no history, no MCP, no framework. What the library alone costs a turn is this server's CPU minus the
 * plain floor's.
 */
import { Agent, OpenAIChatCompletionsModel, run, setTracingDisabled, tool } from '@openai/agents';
import OpenAI from 'openai';
import { z } from 'zod';
import { env, finishTurn, INSTRUCTIONS, insertTask, type Send, serveFloor, type TurnRequest } from './common.js';

setTracingDisabled(true);

interface FloorContext {
  userId: string;
  send: Send;
  calls: object[];
}

const addTask = tool({
  name: 'add_task',
  description: 'Add a task',
  parameters: z.object({ title: z.string() }),
  async execute(args, runContext) {
    const { userId, send, calls } = runContext!.context as FloorContext;
    const result = await insertTask(userId, args.title);
    const toolCall = { name: 'add_task', arguments: args, result, is_error: false };
    calls.push(toolCall);
    send('tool_call', toolCall);
    return JSON.stringify(result);
  },
});

const model = new OpenAIChatCompletionsModel(
  new OpenAI({ apiKey: 'floor', baseURL: env.LLM_BASE_URL, maxRetries: 1 }),
  'mock-model',
);
const agent = new Agent<FloorContext>({ name: 'Floor', instructions: INSTRUCTIONS, model, tools: [addTask] });

async function turn(request: TurnRequest, send: Send): Promise<void> {
  const context: FloorContext = { userId: request.userId, send, calls: [] };
  const stream = await run(agent, request.message, { context, stream: true });
  for await (const event of stream) {
    if (event.type === 'raw_model_stream_event' && event.data.type === 'output_text_delta') {
      send('delta', { text: event.data.delta });
    }
  }
  await stream.completed;
  await finishTurn(request, send, String(stream.finalOutput ?? ''), context.calls);
}

await serveFloor(turn);
