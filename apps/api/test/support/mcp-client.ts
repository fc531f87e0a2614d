import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { TestUser } from './harness.js';

export interface McpSession {
  client: Client;
  /** Calls a tool and returns its structured result, or its error text when the tool reports one. */
  call(name: string, args?: Record<string, unknown>): Promise<{ isError: boolean; data: any; text: string }>;
  close(): Promise<void>;
}

/** A real MCP client over Streamable HTTP, authenticated as `user`. */
export async function connectMcp(apiUrl: string, user: TestUser): Promise<McpSession> {
  const client = new Client({ name: 'todo-tests', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(`${apiUrl}/mcp`), {
    requestInit: { headers: { authorization: `Bearer ${user.token}` } },
  });
  await client.connect(transport);
  return {
    client,
    async call(name, args = {}) {
      const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
      const first = result.content[0];
      const text = first?.type === 'text' ? first.text : '';
      return { isError: Boolean(result.isError), data: result.structuredContent, text };
    },
    close: () => client.close(),
  };
}
