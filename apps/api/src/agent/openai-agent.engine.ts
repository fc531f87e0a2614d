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
import type { LlmSettings } from '../common/llm-settings.js';
import { type ToolCallRecord, toolCallRecord } from '../mcp/tool-call-record.js';
import { TOOL_NAMES, type ToolName } from '../mcp/tool-contract.js';
import type { ToolSessions } from '../mcp/tool-sessions.service.js';
import {
  type ChatEngine,
  type ChatTurn,
  type HistoryMessage,
  type TurnEvent,
  type TurnOutcome,
  HISTORY_WINDOW,
  toolScopeOf,
} from './chat-engine.js';
import { agentInstructions } from './instructions.js';
import { prepareTaskTools, recordOf, type TaskTool } from './in-process-mcp-server.js';

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

/**
 * A call's record: the one its output item carries, or — when the SDK answered for the tool (arguments
 * that are not JSON, a failed session) — that answer as the call's error.
 */
function callRecord(name: ToolName, rawArguments: string, output: RunToolCallOutputItem): ToolCallRecord {
  const record = recordOf(output);
  if (record) return record;
  const text = typeof output.output === 'string' ? output.output : JSON.stringify(output.output);
  return toolCallRecord(name, parseArguments(rawArguments), { isError: true, content: [{ type: 'text', text }] });
}

/** The run's tool calls in the order the model made them, up to the first whose output has not come yet. */
function collectToolCalls(items: RunItem[]): ToolCallRecord[] {
  const outputs = new Map<string, RunToolCallOutputItem>();
  for (const item of items) {
    if (item instanceof RunToolCallOutputItem && 'callId' in item.rawItem) outputs.set(item.rawItem.callId, item);
  }
  const calls: ToolCallRecord[] = [];
  for (const item of items) {
    if (!(item instanceof RunToolCallItem) || item.rawItem.type !== 'function_call') continue;
    const name = item.rawItem.name as ToolName;
    if (!TOOL_NAMES.includes(name)) continue;
    const output = outputs.get(item.rawItem.callId);
    if (!output) break;
    calls.push(callRecord(name, item.rawItem.arguments, output));
  }
  return calls;
}

/** The @openai/agents agent, with the api's MCP task tools (in-process session) as its only tool source. */
export class OpenAiAgentEngine implements ChatEngine {
  readonly kind = 'agent';
  private readonly model: OpenAIChatCompletionsModel;
  private tools: Promise<TaskTool[]> | undefined;

  constructor(
    settings: LlmSettings,
    private readonly toolSessions: ToolSessions,
  ) {
    const client = new OpenAI({ apiKey: settings.apiKey ?? 'not-needed', baseURL: settings.baseUrl, maxRetries: 1 });
    this.model = new OpenAIChatCompletionsModel(client, settings.model);
  }

  /** The task tools, listed and converted on the first turn, then shared by every turn. */
  private taskTools(): Promise<TaskTool[]> {
    this.tools ??= prepareTaskTools(this.toolSessions).catch((error: unknown) => {
      this.tools = undefined;
      throw error;
    });
    return this.tools;
  }

  async run(turn: ChatTurn, onEvent?: (event: TurnEvent) => void): Promise<TurnOutcome> {
    const tools = await this.taskTools();
    // Every tool call of the run acts for this turn's user, in its conversation.
    return this.toolSessions.withScope(toolScopeOf(turn), () => this.runAgent(turn, tools, onEvent));
  }

  private async runAgent(
    turn: ChatTurn,
    tools: TaskTool[],
    onEvent?: (event: TurnEvent) => void,
  ): Promise<TurnOutcome> {
    const agent = new Agent({
      name: 'Todo assistant',
      instructions: agentInstructions(turn),
      model: this.model,
      tools,
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
  }
}
