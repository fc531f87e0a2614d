import { Module } from '@nestjs/common';
import { TasksModule } from '../tasks/tasks.module.js';
import { McpController } from './mcp.controller.js';
import { ToolSessions } from './tool-sessions.service.js';

@Module({ imports: [TasksModule], controllers: [McpController], providers: [ToolSessions], exports: [ToolSessions] })
export class McpModule {}
