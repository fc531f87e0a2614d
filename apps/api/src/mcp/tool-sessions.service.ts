import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { TasksService } from '../tasks/tasks.service.js';
import { createTaskToolServer, type ToolScope } from './task-tools.js';

export interface ToolSession {
  /** An MCP client connected to the task tools, acting for the session's user only. */
  client: Client;
  close(): Promise<void>;
}

/**
 * MCP sessions for chat turns: a client and the same task-tool server that `/mcp` serves, linked in
 * memory. A turn then pays no HTTP round trips, no second JWT check and no handshake over the network.
 */
@Injectable()
export class ToolSessions {
  constructor(
    private readonly tasks: TasksService,
    private readonly em: EntityManager,
  ) {}

  async open(scope: ToolScope): Promise<ToolSession> {
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const server = createTaskToolServer(this.tasks, this.em, scope);
    await server.connect(serverSide);
    const client = new Client({ name: 'todo-chat-turn', version: '1.0.0' });
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
