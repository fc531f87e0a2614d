import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { AsyncLocalStorage } from 'node:async_hooks';
import { TaskCommands } from '../tasks/task-commands.service.js';
import { TasksService } from '../tasks/tasks.service.js';
import { createTaskToolServer, type ToolScope } from './task-tools.js';

/**
 * The task tools for chat turns: one MCP client linked in memory to the same task-tool server that
 * `/mcp` serves, built once per process. A turn pays no HTTP round trip, no second JWT check, no
 * handshake and no server construction. Who a call acts for is never part of the session: each call
 * is made inside `withScope`, and the server reads the calling turn's scope from there.
 */
@Injectable()
export class ToolSessions implements OnModuleDestroy {
  private readonly scopes = new AsyncLocalStorage<ToolScope>();
  private session: Promise<{ client: Client; close(): Promise<void> }> | undefined;

  constructor(
    private readonly tasks: TasksService,
    private readonly commands: TaskCommands,
    private readonly em: EntityManager,
  ) {}

  /** Runs `work` for one turn: every tool call it makes acts for `scope`'s user, in its change scope. */
  withScope<T>(scope: ToolScope, work: () => Promise<T>): Promise<T> {
    return this.scopes.run(scope, work);
  }

  /** Calls a task tool for the scope of the `withScope` it runs in; outside one, the tool fails. */
  async callTool(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
    const { client } = await this.connected();
    return (await client.callTool({ name, arguments: args })) as CallToolResult;
  }

  async listTools(): Promise<Tool[]> {
    const { client } = await this.connected();
    return (await client.listTools()).tools;
  }

  async onModuleDestroy(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    await (await session)?.close();
  }

  private connected() {
    this.session ??= this.connect().catch((error: unknown) => {
      this.session = undefined;
      throw error;
    });
    return this.session;
  }

  private async connect() {
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const server = createTaskToolServer({ tasks: this.tasks, commands: this.commands, em: this.em }, () => {
      const scope = this.scopes.getStore();
      if (!scope) throw new Error('a task tool was called outside a chat turn');
      return scope;
    });
    await server.connect(serverSide);
    const client = new Client({ name: 'todo-chat-turns', version: '1.0.0' });
    await client.connect(clientSide);
    return {
      client,
      async close() {
        await client.close();
        await server.close();
      },
    };
  }
}
