import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import {
  type CallToolResultContent,
  type MCPServer,
  type MCPToolCustomDataContext,
  mcpToFunctionTool,
  type RunToolCallOutputItem,
} from '@openai/agents';
import { MCP_SERVER_NAME } from '../mcp/task-tools.js';
import { type ToolCallRecord, toolCallRecord } from '../mcp/tool-call-record.js';
import type { ToolName } from '../mcp/tool-contract.js';
import type { ToolSessions } from '../mcp/tool-sessions.service.js';

type MCPTool = Awaited<ReturnType<MCPServer['listTools']>>[number];
/** A task tool as an @openai/agents function tool. */
export type TaskTool = ReturnType<typeof mcpToFunctionTool>;

/**
 * Where a result carries its record, as JSON text, to customDataExtractor: of a result the SDK passes on
 * only `_meta`, which it clones, and it takes only plain JSON data as custom data.
 */
const RECORD_META_KEY = 'todo-chatbot/tool-call';

/**
 * Presents the process's in-memory MCP session to @openai/agents as an MCP server. Each tool output item
 * of a run carries its call's record (recordOf), made from the full MCP result. The calls act for the
 * turn whose `ToolSessions.withScope` they run in.
 */
export class InProcessMcpServer implements MCPServer {
  readonly name = MCP_SERVER_NAME;
  readonly cacheToolsList = true;

  constructor(private readonly sessions: ToolSessions) {}

  readonly customDataExtractor = ({ resultMeta }: MCPToolCustomDataContext) => ({
    toolCall: resultMeta?.[RECORD_META_KEY],
  });

  async connect(): Promise<void> {}

  async close(): Promise<void> {}

  async listTools(): Promise<MCPTool[]> {
    return (await this.sessions.listTools()) as MCPTool[];
  }

  async callTool(toolName: string, args: Record<string, unknown> | null): Promise<CallToolResultContent> {
    return (await this.callToolResult(toolName, args)).content as CallToolResultContent;
  }

  async callToolResult(toolName: string, args: Record<string, unknown> | null): Promise<CallToolResult> {
    const result = await this.sessions.callTool(toolName, args ?? {});
    // The tools listed are ours (TOOL_NAMES), so the name the model called is one of them.
    const record = toolCallRecord(toolName as ToolName, args ?? {}, result);
    return { ...result, _meta: { ...result._meta, [RECORD_META_KEY]: JSON.stringify(record) } };
  }

  async invalidateToolsCache(): Promise<void> {}
}

/**
 * The task tools as @openai/agents function tools, prepared once per process: the tool list and its
 * schemas are the same for every user, so no run lists, clones or converts them again.
 */
export async function prepareTaskTools(sessions: ToolSessions): Promise<TaskTool[]> {
  const server = new InProcessMcpServer(sessions);
  return (await server.listTools()).map((tool) => mcpToFunctionTool(tool, server, false));
}

/** The record a tool output item of a run carries, if the call reached the tool. */
export function recordOf(output: RunToolCallOutputItem): ToolCallRecord | undefined {
  const text = output.customData?.toolCall;
  return typeof text === 'string' ? (JSON.parse(text) as ToolCallRecord) : undefined;
}
