import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { runOfflineTurn } from './offline/offline-engine.js';
import { ToolCallError, type ToolCaller, type ToolCallRecord, type ToolName } from '../mcp/tool-contract.js';
import type { ChatEngine, ChatTurn, TurnEvent, TurnOutcome } from './chat-engine.js';
import type { ToolSessions } from '../mcp/tool-sessions.service.js';

function errorText(result: CallToolResult): string {
  const first = result.content[0];
  return first?.type === 'text' ? first.text : 'the tool failed';
}

/** The deterministic English parser (the offline engine), calling the same MCP tools as the agent. */
export class OfflineChatEngine implements ChatEngine {
  readonly kind = 'offline';

  constructor(private readonly toolSessions: ToolSessions) {}

  async run(turn: ChatTurn, onEvent?: (event: TurnEvent) => void): Promise<TurnOutcome> {
    const session = await this.toolSessions.open({ userId: turn.userId, turnKey: turn.turnKey });
    const toolCalls: ToolCallRecord[] = [];
    const call = async (name: ToolName, args: Record<string, unknown>): Promise<unknown> => {
      const result = (await session.client.callTool({ name, arguments: args })) as CallToolResult;
      const record: ToolCallRecord = {
        name,
        arguments: args,
        result: result.isError ? errorText(result) : result.structuredContent,
        is_error: Boolean(result.isError),
      };
      toolCalls.push(record);
      onEvent?.({ type: 'tool_call', call: record });
      if (result.isError) throw new ToolCallError(errorText(result));
      return result.structuredContent;
    };
    // The structured content is what our own tools produce (tool-contract.ts), as JSON off the wire.
    const tools = { call } as ToolCaller;
    try {
      const response = await runOfflineTurn(turn.message, tools, { now: turn.now, timeZone: turn.timeZone });
      onEvent?.({ type: 'text_delta', delta: response });
      return { response, toolCalls };
    } finally {
      await session.close();
    }
  }
}
