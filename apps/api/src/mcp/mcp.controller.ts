import { EntityManager } from '@mikro-orm/postgresql';
import { Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AuthenticatedRequest } from '../auth/auth.types.js';
import { TaskCommands } from '../tasks/task-commands.service.js';
import { TasksService } from '../tasks/tasks.service.js';
import { createTaskToolServer } from './task-tools.js';

const SESSION_HEADER = 'mcp-session-id';

const methodNotAllowed = {
  jsonrpc: '2.0',
  error: { code: -32000, message: 'Method not allowed: this MCP server is stateless; use POST.' },
  id: null,
};

const badSessionId = {
  jsonrpc: '2.0',
  error: { code: -32000, message: 'Mcp-Session-Id must be the id this server sent with its initialize response.' },
  id: null,
};

const isInitialize = (body: unknown): boolean =>
  Array.isArray(body) ? body.some(isInitializeRequest) : isInitializeRequest(body);

/**
 * MCP over Streamable HTTP without server state: a fresh server per request, scoped to the bearer's user.
 * The session id sent at initialize is only a name for the client's changes, which live in PostgreSQL,
 * so undo_last_change reverts this client's last change on any replica. A client that sends no id gets a
 * scope of its own per request: it can undo nothing, and never another client's change.
 */
@Controller('mcp')
export class McpController {
  constructor(
    private readonly tasks: TasksService,
    private readonly commands: TaskCommands,
    private readonly em: EntityManager,
  ) {}

  @Post()
  async handle(@Req() request: AuthenticatedRequest, @Res() response: Response): Promise<void> {
    const sessionId = isInitialize(request.body) ? randomUUID() : (request.header(SESSION_HEADER) ?? randomUUID());
    if (!z.uuid().safeParse(sessionId).success) {
      response.status(400).json(badSessionId);
      return;
    }
    response.setHeader(SESSION_HEADER, sessionId);
    const scope = { userId: request.user.id, changeScope: `mcp-session:${sessionId}` };
    const server = createTaskToolServer({ tasks: this.tasks, commands: this.commands, em: this.em }, () => scope);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    response.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(request, response, request.body);
  }

  @Get()
  @HttpCode(405)
  get() {
    return methodNotAllowed;
  }

  @Delete()
  @HttpCode(405)
  remove() {
    return methodNotAllowed;
  }
}
