import { readState } from './offline/conversation-state.js';
import { runOfflineTurn } from './offline/offline-turn.js';
import { taskToolsOver } from './offline/task-tool-client.js';
import { type ToolCallRecord, toolCallRecord } from '../mcp/tool-call-record.js';
import { ToolCallError, type ToolCaller, type ToolName } from '../mcp/tool-contract.js';
import { type ChatEngine, type ChatTurn, type TurnEvent, type TurnOutcome, toolScopeOf } from './chat-engine.js';
import type { ToolSessions } from '../mcp/tool-sessions.service.js';

/** The deterministic English parser (the offline engine), calling the same MCP tools as the agent. */
export class OfflineChatEngine implements ChatEngine {
  readonly kind = 'offline';

  constructor(private readonly toolSessions: ToolSessions) {}

  async run(turn: ChatTurn, onEvent?: (event: TurnEvent) => void): Promise<TurnOutcome> {
    const toolCalls: ToolCallRecord[] = [];
    const call = async (name: ToolName, args: Record<string, unknown>): Promise<unknown> => {
      const result = await this.toolSessions.callTool(name, args);
      const record = toolCallRecord(name, args, result);
      toolCalls.push(record);
      onEvent?.({ type: 'tool_call', call: record });
      if (record.is_error) throw new ToolCallError(String(record.result));
      return record.result;
    };
    // The structured content is what our own tools produce (tool-contract.ts), as JSON off the wire.
    const tools = { call } as ToolCaller;
    const { reply, state } = await this.toolSessions.withScope(toolScopeOf(turn), () =>
      runOfflineTurn(
        { message: turn.message, now: turn.now, timeZone: turn.timeZone, state: readState(turn.state) },
        taskToolsOver(tools),
      ),
    );
    onEvent?.({ type: 'text_delta', delta: reply });
    return { response: reply, toolCalls, state: { pending: state.pending, context: state.context } };
  }
}
