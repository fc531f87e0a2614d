import {
  BadGatewayException,
  ConflictException,
  HttpException,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import {
  CHAT_ENGINE,
  type ChatEngine,
  HISTORY_WINDOW,
  type HistoryMessage,
  type TurnEvent,
  type TurnOutcome,
} from '../agent/chat-engine.js';
import type { AuthenticatedUser } from '../auth/auth.types.js';
import type { ChatStreamEventData } from '../contracts.js';
import { Clock } from '../common/clock.js';
import type { ToolCallRecord } from '../mcp/tool-call-record.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { ChatRateLimit } from './chat-rate-limit.service.js';
import type { ParsedChatRequest } from './chat.schemas.js';
import type { ChatResponse } from './chat.view.js';
import { Conversation } from './conversation.entity.js';
import { Message } from './message.entity.js';

const TITLE_LENGTH = 80;
const CONVERSATION_LIST_LIMIT = 100;
export const DEFAULT_MESSAGE_PAGE = 50;

/** A conversation as a turn needs it: its id and the engine's state. */
export interface TurnConversation {
  id: string;
  pending: unknown | null;
  context: unknown | null;
}

/** The turn's user message; `fresh` when this request stored it (a retry finds it already there). */
interface UserMessage {
  id: number;
  content: string;
  fresh: boolean;
}

/** A turn whose user message is stored: what `open` hands to `turn`. */
export interface OpenedTurn {
  conversation: TurnConversation;
  userMessage: UserMessage;
  /** The message replaced an earlier one (edit and resend). */
  replaced: boolean;
  /** The messages before it the model will see, when they were read with it (oldest first). */
  history?: HistoryMessage[];
}

/** The latest HISTORY_WINDOW shown messages of conversation `c` as a JSON array, oldest first. Parameter: the window. */
const SHOWN_HISTORY_OF_C = `coalesce((select json_agg(json_build_object('role', shown.role, 'content', shown.content) order by shown.id)
    from (select id, role, content from messages
           where conversation_id = c.id and superseded_by is null and content <> ''
           order by id desc limit ?) shown), '[]')`;

/**
 * A new message into an existing conversation, in one statement: the user's conversation (no row: not
 * theirs, or none), the message stored unless this client_message_id is there already (message_id null
 * then), and the history before it (the statement does not see its own insert). Parameters: the
 * conversation id, the user id, the user id, the message, its client_message_id, its time, the window.
 */
const OPEN_IN_CONVERSATION = `with c as (
    select id, pending, context from conversations where id = ? and user_id = ?
  ),
  stored as (
    insert into messages (conversation_id, user_id, role, content, tool_calls, client_message_id, created_at)
    select id, ?, 'user', ?, '[]', ?, ? from c
    on conflict (conversation_id, client_message_id) do nothing
    returning id
  )
  select c.id, c.pending, c.context, (select id from stored) as message_id, ${SHOWN_HISTORY_OF_C} as history from c`;

/** The same window before a given message. Parameters: the conversation id, the message id, the window. */
const READ_HISTORY_BEFORE = `select role, content from messages
  where conversation_id = ? and id < ? and superseded_by is null and content <> ''
  order by id desc limit ?`;

export interface TurnOptions {
  /** Once the user message is stored: the conversation (a new one's id included) and the message's id. */
  onStarted?: (started: ChatStreamEventData['start']) => void;
  /** The turn's tool calls and text as they happen. */
  onEvent?: (event: TurnEvent) => void;
  /** The user stopped the reply: what was written until then is stored, marked stopped. */
  signal?: AbortSignal;
}

export interface MessagePage {
  /** Only messages older than this message id. */
  before?: number;
  limit: number;
}

/**
 * A new conversation's id is derived from its first message's client_message_id, so a retried first
 * turn lands in the same conversation instead of opening a second one.
 */
function conversationIdFor(userId: string, clientMessageId: string): string {
  const hex = createHash('sha256').update(`${userId}\n${clientMessageId}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A jsonb parameter: SQL null for null or undefined. */
const jsonOrNull = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);

/** The same 404 for a conversation that does not exist and for another user's. */
const conversationNotFound = (id: string) => new NotFoundException(`conversation ${id} not found`);

const titleFrom = (message: string): string =>
  message.length <= TITLE_LENGTH ? message : `${message.slice(0, TITLE_LENGTH - 1).trimEnd()}…`;

/**
 * Stateless chat: every turn loads its history from the database, stores the user message before the
 * run and the reply after it. Both inserts are idempotent, so a retry on any replica never duplicates.
 */
@Injectable()
export class ChatService {
  constructor(
    private readonly em: EntityManager,
    @Inject(CHAT_ENGINE) private readonly engine: ChatEngine,
    private readonly metrics: MetricsService,
    private readonly rateLimit: ChatRateLimit,
    private readonly clock: Clock,
  ) {}

  get engineKind(): ChatEngine['kind'] {
    return this.engine.kind;
  }

  /**
   * Opens a turn, before anything runs or streams: a user over CHAT_RATE_LIMIT_PER_MINUTE is a 429, an
   * unknown — or another user's — conversation a 404, a client_message_id reused for another message a
   * 409; otherwise the user message is stored (a retry finds it stored). A message into an existing
   * conversation takes one statement; a new conversation and its first message are written together (no
   * conversation is left without it), and so are an edited message and the turn it replaces.
   */
  async open(user: AuthenticatedUser, request: ParsedChatRequest): Promise<OpenedTurn> {
    await this.rateLimit.take(user.id);
    if (request.conversation_id && request.replaces === undefined) {
      return this.openInConversation(user.id, request.conversation_id, request);
    }
    return this.em.transactional(async (em) => {
      const conversation = await this.openConversation(em, user.id, request);
      const userMessage = await this.storeUserMessage(em, conversation, user.id, request);
      // A retried edit finds its message stored: the turn it replaces was replaced then.
      const replaced = request.replaces !== undefined && userMessage.fresh;
      if (replaced) await this.replaceTurn(em, conversation.id, request.replaces!, userMessage.id);
      // A new conversation's first message has nothing before it.
      const history = request.conversation_id === undefined && userMessage.fresh ? [] : undefined;
      return { conversation, userMessage, replaced, history };
    });
  }

  /** Runs an opened turn (see TurnOptions for what a streamed turn adds). */
  async turn(
    user: AuthenticatedUser,
    request: ParsedChatRequest,
    opened: OpenedTurn,
    { onStarted, onEvent, signal }: TurnOptions = {},
  ): Promise<ChatResponse> {
    const { conversation, userMessage, replaced } = opened;
    onStarted?.({ conversation_id: conversation.id, message_id: userMessage.id });
    const stored = userMessage.fresh ? null : await this.em.findOne(Message, { replyTo: userMessage.id });
    if (stored) {
      this.metrics.chatTurns.inc({ engine: this.engine.kind, outcome: 'replayed' });
      return { conversation_id: conversation.id, response: stored.content, tool_calls: stored.toolCalls };
    }
    // Read with the message when it was new; a retried message (newer ones may follow it) and an edit
    // (which hid the turn it replaced) read theirs now.
    const history =
      opened.history ??
      (
        await this.em.execute<HistoryMessage[]>(READ_HISTORY_BEFORE, [conversation.id, userMessage.id, HISTORY_WINDOW])
      ).reverse();
    let outcome;
    try {
      outcome = await this.engine.run(
        {
          userId: user.id,
          conversationId: conversation.id,
          history,
          message: userMessage.content,
          turnKey: String(userMessage.id),
          now: this.clock.now(),
          timeZone: request.time_zone,
          // An edited message drops the replaced turn's open question (replaceTurn cleared it).
          state: {
            pending: replaced ? null : (conversation.pending ?? null),
            context: conversation.context ?? null,
          },
          signal,
        },
        onEvent,
      );
    } catch (error) {
      this.metrics.chatTurns.inc({ engine: this.engine.kind, outcome: 'failed' });
      if (error instanceof HttpException) throw error;
      // The user message is kept: a retry with the same client_message_id completes this turn. The cause
      // (a model's or a network's text) goes to the log with the request id the sentence shows.
      throw new BadGatewayException('the chat engine failed; retry with the same client_message_id', { cause: error });
    }
    for (const call of outcome.toolCalls) this.metrics.toolCalls.inc({ tool: call.name, error: String(call.is_error) });
    const reply = await this.storeReply(conversation, userMessage, user.id, outcome);
    this.metrics.chatTurns.inc({ engine: this.engine.kind, outcome: outcome.stopped ? 'stopped' : 'completed' });
    return { conversation_id: conversation.id, response: reply.content, tool_calls: reply.toolCalls };
  }

  async listConversations(userId: string): Promise<Conversation[]> {
    return this.em.find(Conversation, { userId }, { orderBy: { updatedAt: 'desc' }, limit: CONVERSATION_LIST_LIMIT });
  }

  async renameConversation(userId: string, id: string, title: string): Promise<Conversation> {
    const conversation = await this.findConversation(userId, id);
    conversation.title = title;
    await this.em.flush();
    return conversation;
  }

  /** Deletes the user's conversation; its messages go with it (the foreign key cascades). */
  async deleteConversation(userId: string, id: string): Promise<void> {
    const deleted = await this.em.nativeDelete(Conversation, { id, userId });
    if (deleted === 0) throw conversationNotFound(id);
  }

  /**
   * One page of a conversation: the `limit` newest messages older than message `before` (the newest
   * when absent), returned in reading order (oldest first, each reply right after the message it
   * answers). The next page back is `before` = the first message's id of this one.
   */
  async listMessages(
    userId: string,
    conversationId: string,
    page: MessagePage = { limit: DEFAULT_MESSAGE_PAGE },
  ): Promise<Message[]> {
    const conversation = await this.findConversation(userId, conversationId);
    const shown = { conversation, supersededBy: null };
    const where = page.before === undefined ? shown : { ...shown, id: { $lt: page.before } };
    const messages = await this.em.find(Message, where, { orderBy: { id: 'desc' }, limit: page.limit });
    const position = (message: Message) => message.replyTo ?? message.id;
    return messages.sort((a, b) => position(a) - position(b) || a.id - b.id);
  }

  private async findConversation(userId: string, id: string): Promise<Conversation> {
    const conversation = await this.em.findOne(Conversation, { id, userId });
    if (!conversation) throw conversationNotFound(id);
    return conversation;
  }

  private async openInConversation(userId: string, id: string, request: ParsedChatRequest): Promise<OpenedTurn> {
    const [row] = await this.em.execute<
      (TurnConversation & { message_id: string | null; history: HistoryMessage[] })[]
    >(OPEN_IN_CONVERSATION, [
      id,
      userId,
      userId,
      request.message,
      request.client_message_id,
      new Date().toISOString(),
      HISTORY_WINDOW,
    ]);
    if (!row) throw conversationNotFound(id);
    const conversation = { id: row.id, pending: row.pending, context: row.context };
    if (row.message_id !== null) {
      const userMessage = { id: Number(row.message_id), content: request.message, fresh: true };
      return { conversation, userMessage, replaced: false, history: row.history };
    }
    return { conversation, userMessage: await this.storedUserMessage(this.em, id, request), replaced: false };
  }

  /** A new conversation (one with this first message may exist: a retry), or the one an edit names. */
  private async openConversation(
    em: EntityManager,
    userId: string,
    request: ParsedChatRequest,
  ): Promise<TurnConversation> {
    const id = request.conversation_id ?? conversationIdFor(userId, request.client_message_id);
    if (!request.conversation_id) {
      await em
        .createQueryBuilder(Conversation)
        .insert({
          id,
          userId,
          title: titleFrom(request.message),
          pending: null,
          context: null,
          createdAt: new Date(),
          updatedAt: new Date(),
        })
        .onConflict('id')
        .ignore()
        .execute();
    }
    const [conversation] = await em.execute<TurnConversation[]>(
      'select id, pending, context from conversations where id = ? and user_id = ?',
      [id, userId],
    );
    if (!conversation) throw conversationNotFound(id);
    return conversation;
  }

  /** Stores the turn's user message, or finds it stored by an earlier attempt. */
  private async storeUserMessage(
    em: EntityManager,
    conversation: TurnConversation,
    userId: string,
    request: ParsedChatRequest,
  ): Promise<UserMessage> {
    const [inserted] = await em.execute<{ id: string }[]>(
      `insert into messages (conversation_id, user_id, role, content, tool_calls, client_message_id, created_at)
       values (?, ?, 'user', ?, '[]', ?, ?)
       on conflict (conversation_id, client_message_id) do nothing
       returning id`,
      [conversation.id, userId, request.message, request.client_message_id, new Date().toISOString()],
    );
    if (inserted) return { id: Number(inserted.id), content: request.message, fresh: true };
    return this.storedUserMessage(em, conversation.id, request);
  }

  /** The message an earlier attempt of this turn stored: the same text, or the client_message_id was reused (409). */
  private async storedUserMessage(
    em: EntityManager,
    conversationId: string,
    request: ParsedChatRequest,
  ): Promise<UserMessage> {
    const message = await em.findOneOrFail(Message, {
      conversation: conversationId,
      clientMessageId: request.client_message_id,
    });
    if (message.content !== request.message) {
      throw new ConflictException('client_message_id was already used for a different message in this conversation');
    }
    return { id: message.id, content: message.content, fresh: false };
  }

  /**
   * Edit and resend: `replaces` must be the conversation's last shown user message. It and its reply (now,
   * or when a turn still running stores it) are marked superseded by `byMessageId`, and the conversation's
   * open question goes with them. The conversation row is locked, so two edits of one message cannot both win.
   */
  private async replaceTurn(em: EntityManager, conversationId: string, replaces: number, byMessageId: number) {
    await em.execute('select id from conversations where id = ? for update', [conversationId]);
    const [last] = await em.execute<{ id: string }[]>(
      `select id from messages
        where conversation_id = ? and role = 'user' and superseded_by is null and id <> ?
        order by id desc limit 1`,
      [conversationId, byMessageId],
    );
    if (last === undefined || Number(last.id) !== replaces) {
      throw new ConflictException(`only the last message of a conversation can be edited; message ${replaces} is not`);
    }
    await em.execute(`update messages set superseded_by = ? where conversation_id = ? and (id = ? or reply_to = ?)`, [
      byMessageId,
      conversationId,
      replaces,
      replaces,
    ]);
    await em.execute('update conversations set pending = null where id = ?', [conversationId]);
  }

  /**
   * Stores the reply once, and with it (same transaction) the engine's state for the next turn, so a
   * follow-up question survives a restart and any replica continues it. When a concurrent copy of the
   * turn stored its reply first, that one wins, state and all.
   */
  private async storeReply(
    conversation: TurnConversation,
    userMessage: { id: number },
    userId: string,
    { response: content, toolCalls, state, stopped = false }: TurnOutcome,
  ): Promise<{ content: string; toolCalls: ToolCallRecord[] }> {
    // One statement, so one transaction: the reply, and only when it is the first one, the conversation's
    // update (its state for the next turn, when the engine returned one). A reply to a message replaced
    // by an edit meanwhile is stored superseded as well.
    const now = new Date().toISOString();
    const keepState = state === undefined;
    const [written] = await this.em.execute<{ id: string }[]>(
      `with reply as (
         insert into messages (conversation_id, user_id, role, content, tool_calls, reply_to, stopped, superseded_by, created_at)
         select ?, ?, 'assistant', ?, ?::jsonb, id, ?, superseded_by, ? from messages where id = ?
         on conflict (reply_to) do nothing
         returning id
       )
       update conversations
          set updated_at = ?,
              pending = case when ? then pending else ?::jsonb end,
              context = case when ? then context else ?::jsonb end
        where id = ? and exists (select from reply)
       returning id`,
      [
        conversation.id,
        userId,
        content,
        JSON.stringify(toolCalls),
        stopped,
        now,
        userMessage.id,
        now,
        keepState,
        jsonOrNull(state?.pending),
        keepState,
        jsonOrNull(state?.context),
        conversation.id,
      ],
    );
    const stored = written !== undefined;
    if (stored) return { content, toolCalls };
    return this.em.findOneOrFail(Message, { replyTo: userMessage.id });
  }
}
