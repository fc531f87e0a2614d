import type { CallToolResultContent, MCPServer } from '@openai/agents';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ToolSession } from '../mcp/tool-sessions.service.js';
import { MCP_SERVER_NAME } from '../mcp/task-tools.js';

type MCPTool = Awaited<ReturnType<MCPServer['listTools']>>[number];

/** The tool list is the same for every user: listed once per process, not once per turn. */
let toolList: Promise<MCPTool[]> | undefined;

/** Presents an in-memory MCP session to @openai/agents as one of its MCP servers. */
export class InProcessMcpServer implements MCPServer {
  readonly name = MCP_SERVER_NAME;
  readonly cacheToolsList = true;

  constructor(private readonly session: ToolSession) {}

  async connect(): Promise<void> {}

  close(): Promise<void> {
    return this.session.close();
  }

  listTools(): Promise<MCPTool[]> {
    toolList ??= this.session.client.listTools().then(
      ({ tools }) => tools as MCPTool[],
      (error: unknown) => {
        toolList = undefined;
        throw error;
      },
    );
    return toolList;
  }

  async callTool(toolName: string, args: Record<string, unknown> | null): Promise<CallToolResultContent> {
    return (await this.callToolResult(toolName, args)).content as CallToolResultContent;
  }

  async callToolResult(toolName: string, args: Record<string, unknown> | null): Promise<CallToolResult> {
    return (await this.session.client.callTool({ name: toolName, arguments: args ?? {} })) as CallToolResult;
  }

  async invalidateToolsCache(): Promise<void> {
    toolList = undefined;
  }
}
