import { z } from 'zod';
import { LIMITS } from '../contracts.js';
import { plainText, singleLine } from '../common/text.js';

export const MESSAGE_MAX_BYTES = LIMITS.messageBytes;

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const chatRequestSchema = z
  .object({
    conversation_id: z.uuid().optional(),
    message: z
      .string()
      .trim()
      .min(1, 'message must not be empty')
      .refine(
        (text) => Buffer.byteLength(text) <= MESSAGE_MAX_BYTES,
        `message must be at most ${MESSAGE_MAX_BYTES} bytes`,
      )
      .refine(plainText, 'message must not contain control characters other than tab and line breaks'),
    client_message_id: z
      .string()
      .trim()
      .min(1)
      .max(LIMITS.clientMessageId)
      .refine(singleLine, 'client_message_id must not contain control characters'),
    /** The user's IANA time zone, so "tomorrow at 5pm" means their 5pm. */
    time_zone: z
      .string()
      .refine(isTimeZone, 'time_zone must be an IANA time zone such as Europe/Berlin')
      .default('UTC'),
  })
  .strict();

/** What a client sends to POST /api/chat and /api/chat/stream. */
export type ChatRequest = z.input<typeof chatRequestSchema>;
/** The same, validated: trimmed, time_zone defaulted. */
export type ParsedChatRequest = z.output<typeof chatRequestSchema>;

export const MESSAGE_PAGE_MAX = 200;
const BEFORE_ERROR = 'before must be a message id (a positive whole number)';
const LIMIT_ERROR = `limit must be a whole number from 1 to ${MESSAGE_PAGE_MAX}`;

/** `GET /api/conversations/:id/messages?before=<message id>&limit=<1..200>`. */
export const messagePageSchema = z
  .object({
    before: z.coerce
      .number({ error: BEFORE_ERROR })
      .int(BEFORE_ERROR)
      .positive(BEFORE_ERROR)
      .max(Number.MAX_SAFE_INTEGER, BEFORE_ERROR)
      .optional(),
    limit: z.coerce
      .number({ error: LIMIT_ERROR })
      .int(LIMIT_ERROR)
      .min(1, LIMIT_ERROR)
      .max(MESSAGE_PAGE_MAX, LIMIT_ERROR)
      .default(50),
  })
  .strict();

/** `PATCH /api/conversations/:id`: a new title, one line. */
export const renameConversationSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, 'title must not be empty')
      .max(LIMITS.conversationTitle, `title must be at most ${LIMITS.conversationTitle} characters`)
      .refine(singleLine, 'title must be one line without control characters'),
  })
  .strict();

export type RenameConversationRequest = z.input<typeof renameConversationSchema>;
