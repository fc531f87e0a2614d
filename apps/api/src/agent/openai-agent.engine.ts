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
import { prepareTaskTools, recordOf } from './in-process-mcp-server.js';

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
  private agent: Promise<Agent<ChatTurn>> | undefined;

  constructor(
    settings: LlmSettings,
    private readonly toolSessions: ToolSessions,
  ) {
    const client = new OpenAI({ apiKey: settings.apiKey ?? 'not-needed', baseURL: settings.baseUrl, maxRetries: 1 });
    this.model = new OpenAIChatCompletionsModel(client, settings.model);
  }

  /**
   * The agent and its task tools, made on the first turn (the tools are listed then) and shared by every
   * turn: what differs per turn (its time and zone) reaches the instructions through the run's context.
   */
  private turnAgent(): Promise<Agent<ChatTurn>> {
    this.agent ??= prepareTaskTools(this.toolSessions).then(
      (tools) =>
        new Agent<ChatTurn>({
          name: 'Todo assistant',
          instructions: ({ context }) => agentInstructions(context),
          model: this.model,
          tools,
        }),
      (error: unknown) => {
        this.agent = undefined;
        throw error;
      },
    );
    return this.agent;
  }

  async run(turn: ChatTurn, onEvent?: (event: TurnEvent) => void): Promise<TurnOutcome> {
    const agent = await this.turnAgent();
    // Every tool call of the run acts for this turn's user, in its conversation.
    return this.toolSessions.withScope(toolScopeOf(turn), () => this.runAgent(turn, agent, onEvent));
  }

  private async runAgent(
    turn: ChatTurn,
    agent: Agent<ChatTurn>,
    onEvent?: (event: TurnEvent) => void,
  ): Promise<TurnOutcome> {
    const input = [...turn.history.slice(-HISTORY_WINDOW).map(toInputItem), user(turn.message)];
    if (!onEvent) {
      const result = await run(agent, input, { context: turn, maxTurns: MAX_TURNS });
      return { response: String(result.finalOutput ?? ''), toolCalls: collectToolCalls(result.newItems) };
    }
    const stream = await run(agent, input, { context: turn, maxTurns: MAX_TURNS, stream: true, signal: turn.signal });
    let announced = 0;
    // What the user has seen so far: kept as the reply when they stop it.
    let written = '';
    try {
      for await (const event of stream) {
        if (event.type === 'raw_model_stream_event' && event.data.type === 'output_text_delta') {
          written += event.data.delta;
          onEvent({ type: 'text_delta', delta: event.data.delta });
        }
        if (event.type === 'run_item_stream_event' && event.item instanceof RunToolCallOutputItem) {
          const calls = collectToolCalls(stream.newItems);
          for (const call of calls.slice(announced)) onEvent({ type: 'tool_call', call });
          announced = calls.length;
        }
      }
      // After a stop too: a tool call under way finishes (its change is kept), and its record with it.
      await stream.completed;
    } catch (error) {
      if (!stream.cancelled) throw error;
    }
    if (stream.cancelled) return { response: written, toolCalls: collectToolCalls(stream.newItems), stopped: true };
    return { response: String(stream.finalOutput ?? ''), toolCalls: collectToolCalls(stream.newItems) };
  }
}
