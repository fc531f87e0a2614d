import { Module } from '@nestjs/common';
import { AgentModule } from '../agent/agent.module.js';
import { ChatController } from './chat.controller.js';
import { ChatRateLimit } from './chat-rate-limit.service.js';
import { ChatService } from './chat.service.js';

@Module({ imports: [AgentModule], controllers: [ChatController], providers: [ChatService, ChatRateLimit] })
export class ChatModule {}
