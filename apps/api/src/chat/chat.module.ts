import { Module } from '@nestjs/common';
import { AgentModule } from '../agent/agent.module.js';
import { ChatController } from './chat.controller.js';
import { ChatService } from './chat.service.js';

@Module({ imports: [AgentModule], controllers: [ChatController], providers: [ChatService] })
export class ChatModule {}
