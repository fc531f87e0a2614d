import { setTimeout as sleep } from 'node:timers/promises';
import { readState } from './offline/conversation-state.js';
import { runOfflineTurn } from './offline/offline-turn.js';
import { taskToolsOver } from './offline/task-tool-client.js';
import { type ToolCallRecord, toolCallRecord } from '../mcp/tool-call-record.js';
import { ToolCallError, type ToolCaller, type ToolName } from '../mcp/tool-contract.js';
import { type ChatEngine, type ChatTurn, type TurnEvent, type TurnOutcome, toolScopeOf } from './chat-engine.js';
import type { ToolSessions } from '../mcp/tool-sessions.service.js';

/** At most this many deltas per reply, this far apart: it reads like a model writing, and is over in 0.2 s. */
const REPLY_PIECES = 12;
const PIECE_GAP_MS = 18;

/** Streams `reply` in word-aligned pieces; returns what was sent before `signal` stopped it (all of it if not). */
async function streamReply(reply: string, onEvent: (event: TurnEvent) => void, signal?: AbortSignal): Promise<string> {
  const words = reply.match(/\S+\s*|\s+/g) ?? [];
  const perPiece = Math.max(1, Math.ceil(words.length / REPLY_PIECES));
  let written = '';
  for (let start = 0; start < words.length; start += perPiece) {
    if (start > 0) await sleep(PIECE_GAP_MS);
    if (signal?.aborted) break;
    const delta = words.slice(start, start + perPiece).join('');
    written += delta;
    onEvent({ type: 'text_delta', delta });
  }
  return written;
}

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
    const nextState = { pending: state.pending, context: state.context };
    if (!onEvent) return { response: reply, toolCalls, state: nextState };
    const written = await streamReply(reply, onEvent, turn.signal);
    // A stopped reply keeps what was shown; the engine's state is the turn's all the same (its tools ran).
    return written === reply
      ? { response: reply, toolCalls, state: nextState }
      : { response: written, toolCalls, state: nextState, stopped: true };
  }
}
