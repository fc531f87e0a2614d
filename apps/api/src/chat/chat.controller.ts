import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import type { AuthenticatedUser } from '../auth/auth.types.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { describeError } from '../common/errors.js';
import { currentRequestId } from '../common/request-context.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { chatRequestSchema, messagePageSchema, type ChatRequest } from './chat.schemas.js';
import { ChatService } from './chat.service.js';
import {
  toConversationView,
  toMessageView,
  type ChatResponse,
  type ConversationView,
  type MessageView,
} from './chat.views.js';

const chatPipe = new ZodValidationPipe(chatRequestSchema);

function sendEvent(response: Response, event: string, data: unknown): void {
  response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

@Controller('api')
export class ChatController {
  constructor(private readonly chat: ChatService) {}

  @Post('chat')
  @HttpCode(200)
  async turn(@CurrentUser() user: AuthenticatedUser, @Body(chatPipe) request: ChatRequest): Promise<ChatResponse> {
    await this.chat.precheck(user, request);
    return this.chat.turn(user, request);
  }

  /**
   * The same turn as Server-Sent Events: `tool_call` and `delta` while the agent runs, then `done`
   * with the stored reply (or `error`). Validation and auth fail before the stream opens, as plain 4xx.
   */
  @Post('chat/stream')
  async stream(
    @CurrentUser() user: AuthenticatedUser,
    @Body(chatPipe) request: ChatRequest,
    @Res() response: Response,
  ): Promise<void> {
    // What would fail at once fails as a plain status before the stream opens (another user's conversation → 404, 429).
    await this.chat.precheck(user, request);
    response
      .status(200)
      .set({ 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' });
    response.flushHeaders();
    try {
      const result = await this.chat.turn(user, request, (event) =>
        event.type === 'text_delta'
          ? sendEvent(response, 'delta', { text: event.delta })
          : sendEvent(response, 'tool_call', event.call),
      );
      sendEvent(response, 'done', result);
    } catch (error) {
      // The same sentence (and request id) a plain request would get, never the cause's own text.
      const { status, message } = describeError(error);
      sendEvent(response, 'error', { status, message, request_id: currentRequestId() });
    }
    response.end();
  }

  @Get('conversations')
  async conversations(@CurrentUser() user: AuthenticatedUser): Promise<ConversationView[]> {
    return (await this.chat.listConversations(user.id)).map(toConversationView);
  }

  @Get('conversations/:id/messages')
  async messages(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ZodValidationPipe(z.uuid())) id: string,
    @Query(new ZodValidationPipe(messagePageSchema)) page: z.output<typeof messagePageSchema>,
  ): Promise<MessageView[]> {
    return (await this.chat.listMessages(user.id, id, page)).map(toMessageView);
  }

  /** Which engine answers: the web shows an "offline mode" badge when it is the offline one. */
  @Get('chat/engine')
  engine(): { engine: string } {
    return { engine: this.chat.engineKind };
  }
}
