import { z } from 'zod';
import { LIMITS } from '../contracts.js';
import { plainText, singleLine } from '../common/text.js';

export const MESSAGE_MAX_BYTES = LIMITS.messageBytes;

/** Zones already found valid: every turn names one, and building a formatter to check it is not free. */
const knownTimeZones = new Set<string>();

const isTimeZone = (zone: string): boolean => {
  if (knownTimeZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return false;
  }
  // Bounded by the IANA database (a few hundred names): only valid zones are kept.
  knownTimeZones.add(zone);
  return true;
};

const REPLACES_ERROR = 'replaces must be a message id (a positive whole number)';

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
    /**
     * Edit and resend: the id of the conversation's last user message, which this message replaces. That
     * turn stays in the database, no longer shown nor part of the model's history; its task changes stay.
     */
    replaces: z
      .number({ error: REPLACES_ERROR })
      .int(REPLACES_ERROR)
      .positive(REPLACES_ERROR)
      .max(Number.MAX_SAFE_INTEGER, REPLACES_ERROR)
      .optional(),
  })
  .strict()
  .refine((request) => request.replaces === undefined || request.conversation_id !== undefined, {
    message: 'replaces needs the conversation_id of the message it replaces',
    path: ['replaces'],
  });

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
