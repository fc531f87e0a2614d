import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import type { AuthenticatedUser } from '../auth/auth.types.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { describeError } from '../common/errors.js';
import { browserRoute, CHAT_STREAM_EVENTS, type ChatStreamEvent, type ChatStreamEventData } from '../contracts.js';
import { currentRequestId } from '../common/request-context.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import {
  chatRequestSchema,
  messagePageSchema,
  type ParsedChatRequest,
  renameConversationSchema,
} from './chat.schemas.js';
import { ChatService } from './chat.service.js';
import { toConversationView, toMessageView } from './chat.mapper.js';
import type { ChatResponse, ConversationView, MessageView } from './chat.view.js';

const chatPipe = new ZodValidationPipe(chatRequestSchema);
const conversationIdPipe = new ZodValidationPipe(z.uuid());

function sendEvent<E extends ChatStreamEvent>(response: Response, event: E, data: ChatStreamEventData[E]): void {
  if (response.destroyed) return;
  response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

@Controller()
export class ChatController {
  constructor(private readonly chat: ChatService) {}

  @Post(browserRoute('chat'))
  @HttpCode(200)
  async turn(
    @CurrentUser() user: AuthenticatedUser,
    @Body(chatPipe) request: ParsedChatRequest,
  ): Promise<ChatResponse> {
    return this.chat.turn(user, request, await this.chat.open(user, request));
  }

  /**
   * The same turn as Server-Sent Events: `tool_call` and `delta` while the agent runs, then `done`
   * with the stored reply (or `error`). Validation and auth fail before the stream opens, as plain 4xx.
   */
  @Post(browserRoute('chat', 'stream'))
  async stream(
    @CurrentUser() user: AuthenticatedUser,
    @Body(chatPipe) request: ParsedChatRequest,
    @Res() response: Response,
  ): Promise<void> {
    // What would fail at once fails as a plain status before the stream opens (429, another user's
    // conversation → 404, a reused client_message_id → 409); the user message is stored then.
    const opened = await this.chat.open(user, request);
    // no-transform: nothing on the way (the web's gzip, a proxy) compresses the stream, which would cost a
    // flush per event for a few hundred bytes; X-Accel-Buffering: nginx passes each event on at once.
    response.status(200).set({
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
    });
    response.flushHeaders();
    // The client went away before the end (Stop, a closed tab): the turn stops, and what it wrote is kept.
    const stop = new AbortController();
    response.on('close', () => {
      if (!response.writableEnded) stop.abort();
    });
    try {
      const result = await this.chat.turn(user, request, opened, {
        signal: stop.signal,
        onStarted: (started) => sendEvent(response, CHAT_STREAM_EVENTS.start, started),
        onEvent: (event) =>
          event.type === 'text_delta'
            ? sendEvent(response, CHAT_STREAM_EVENTS.delta, { text: event.delta })
            : sendEvent(response, CHAT_STREAM_EVENTS.toolCall, event.call),
      });
      sendEvent(response, CHAT_STREAM_EVENTS.done, result);
    } catch (error) {
      // The same sentence (and request id) a plain request would get, never the cause's own text.
      const { status, message } = describeError(error);
      sendEvent(response, CHAT_STREAM_EVENTS.error, { status, message, request_id: currentRequestId() });
    }
    response.end();
  }

  @Get(browserRoute('conversations'))
  async conversations(@CurrentUser() user: AuthenticatedUser): Promise<ConversationView[]> {
    return (await this.chat.listConversations(user.id)).map(toConversationView);
  }

  @Patch(browserRoute('conversations', ':id'))
  async rename(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', conversationIdPipe) id: string,
    @Body(new ZodValidationPipe(renameConversationSchema)) body: z.output<typeof renameConversationSchema>,
  ): Promise<ConversationView> {
    return toConversationView(await this.chat.renameConversation(user.id, id, body.title));
  }

  @Delete(browserRoute('conversations', ':id'))
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('id', conversationIdPipe) id: string): Promise<void> {
    await this.chat.deleteConversation(user.id, id);
  }

  @Get(browserRoute('conversations', ':id/messages'))
  async messages(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', conversationIdPipe) id: string,
    @Query(new ZodValidationPipe(messagePageSchema)) page: z.output<typeof messagePageSchema>,
  ): Promise<MessageView[]> {
    return (await this.chat.listMessages(user.id, id, page)).map(toMessageView);
  }

  /** Which engine answers: the web shows an "offline mode" badge when it is the offline one. */
  @Get(browserRoute('chat', 'engine'))
  engine(): { engine: string } {
    return { engine: this.chat.engineKind };
  }
}
