import { z } from 'zod';

export const MESSAGE_MAX_BYTES = 8 * 1024;

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
      .refine((text) => Buffer.byteLength(text) <= MESSAGE_MAX_BYTES, `message must be at most ${MESSAGE_MAX_BYTES} bytes`),
    client_message_id: z.string().trim().min(1).max(200),
    /** The user's IANA time zone, so "tomorrow at 5pm" means their 5pm. */
    time_zone: z.string().refine(isTimeZone, 'time_zone must be an IANA time zone such as Europe/Berlin').default('UTC'),
  })
  .strict();

export type ChatRequest = z.output<typeof chatRequestSchema>;
