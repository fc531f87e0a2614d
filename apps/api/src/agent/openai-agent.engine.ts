import {
  Agent,
  assistant,
  OpenAIChatCompletionsModel,
  run,
  RunToolCallItem,
  RunToolCallOutputItem,
  user,
  type AgentInputItem,
  type RunItem,
} from '@openai/agents';
import OpenAI from 'openai';
import { TOOL_NAMES, type ToolCallRecord, type ToolName } from '../mcp/tool-contract.js';
import type { ToolSessions } from '../mcp/tool-sessions.service.js';
import type { ChatEngine, ChatTurn, HistoryMessage, TurnEvent, TurnOutcome } from './chat-engine.js';
import { agentInstructions } from './instructions.js';
import { InProcessMcpServer } from './in-process-mcp-server.js';

export interface LlmSettings {
  apiKey?: string;
  baseUrl?: string;
  model: string;
}

/** How many earlier messages the model sees; older ones stay in the database. */
const HISTORY_WINDOW = 40;
const MAX_TURNS = 8;

const toInputItem = (message: HistoryMessage): AgentInputItem =>
  message.role === 'user' ? user(message.content) : assistant(message.content);

function parseArguments(raw: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The text of a tool output: an MCP tool's output is its one content part, `{ type: 'text', text }`. */
function outputText(output: unknown): string | undefined {
  if (typeof output === 'string') return output;
  const part = output as { type?: unknown; text?: unknown } | null;
  return part?.type === 'text' && typeof part.text === 'string' ? part.text : undefined;
}

function parseOutput(output: unknown): { result: unknown; isError: boolean } {
  const text = outputText(output);
  if (text === undefined) return { result: output, isError: false };
  try {
    return { result: JSON.parse(text), isError: false };
  } catch {
    // Successful tools answer JSON; MCP tool errors reach the model as plain text ("task 42 not found").
    return { result: text, isError: true };
  }
}

/** Pairs each function call of the run with its output, in the order the model made them. */
function collectToolCalls(items: RunItem[]): ToolCallRecord[] {
  const outputs = new Map<string, unknown>();
  for (const item of items) {
    if (item instanceof RunToolCallOutputItem && 'callId' in item.rawItem)
      outputs.set(item.rawItem.callId, item.output);
  }
  const calls: ToolCallRecord[] = [];
  for (const item of items) {
    if (!(item instanceof RunToolCallItem) || item.rawItem.type !== 'function_call') continue;
    const name = item.rawItem.name as ToolName;
    if (!TOOL_NAMES.includes(name)) continue;
    const { result, isError } = parseOutput(outputs.get(item.rawItem.callId));
    calls.push({ name, arguments: parseArguments(item.rawItem.arguments), result, is_error: isError });
  }
  return calls;
}

/** The @openai/agents agent, with the api's MCP task tools (in-process session) as its only tool source. */
export class OpenAiAgentEngine implements ChatEngine {
  readonly kind = 'agent';
  private readonly model: OpenAIChatCompletionsModel;

  constructor(
    settings: LlmSettings,
    private readonly toolSessions: ToolSessions,
  ) {
    const client = new OpenAI({ apiKey: settings.apiKey ?? 'not-needed', baseURL: settings.baseUrl, maxRetries: 1 });
    this.model = new OpenAIChatCompletionsModel(client, settings.model);
  }

  async run(turn: ChatTurn, onEvent?: (event: TurnEvent) => void): Promise<TurnOutcome> {
    const mcp = new InProcessMcpServer(await this.toolSessions.open({ userId: turn.userId, turnKey: turn.turnKey }));
    try {
      const agent = new Agent({
        name: 'Todo assistant',
        instructions: agentInstructions(turn),
        model: this.model,
        mcpServers: [mcp],
      });
      const input = [...turn.history.slice(-HISTORY_WINDOW).map(toInputItem), user(turn.message)];
      if (!onEvent) {
        const result = await run(agent, input, { maxTurns: MAX_TURNS });
        return { response: String(result.finalOutput ?? ''), toolCalls: collectToolCalls(result.newItems) };
      }
      const stream = await run(agent, input, { maxTurns: MAX_TURNS, stream: true });
      let announced = 0;
      for await (const event of stream) {
        if (event.type === 'raw_model_stream_event' && event.data.type === 'output_text_delta') {
          onEvent({ type: 'text_delta', delta: event.data.delta });
        }
        if (event.type === 'run_item_stream_event' && event.item instanceof RunToolCallOutputItem) {
          const calls = collectToolCalls(stream.newItems);
          for (const call of calls.slice(announced)) onEvent({ type: 'tool_call', call });
          announced = calls.length;
        }
      }
      await stream.completed;
      return { response: String(stream.finalOutput ?? ''), toolCalls: collectToolCalls(stream.newItems) };
    } finally {
      await mcp.close();
    }
  }
}
