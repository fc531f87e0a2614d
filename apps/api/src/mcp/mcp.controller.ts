import { EntityManager } from '@mikro-orm/postgresql';
import { Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../auth/auth.types.js';
import { TasksService } from '../tasks/tasks.service.js';
import { createTaskToolServer } from './task-tools.js';

const methodNotAllowed = {
  jsonrpc: '2.0',
  error: { code: -32000, message: 'Method not allowed: this MCP server is stateless; use POST.' },
  id: null,
};

/** MCP over Streamable HTTP, stateless: a fresh server per request, scoped to the bearer's user. */
@Controller('mcp')
export class McpController {
  constructor(
    private readonly tasks: TasksService,
    private readonly em: EntityManager,
  ) {}

  @Post()
  async handle(@Req() request: AuthenticatedRequest, @Res() response: Response): Promise<void> {
    const server = createTaskToolServer(this.tasks, this.em, { userId: request.user.id });
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
