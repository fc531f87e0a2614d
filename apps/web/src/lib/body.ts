import { jsonError } from './http';

/** Body limits: the BFF's JSON, a chat message, better-auth's forms. */
export const BODY_LIMIT = 64 * 1024;
export const CHAT_BODY_LIMIT = 16 * 1024;
export const AUTH_BODY_LIMIT = 16 * 1024;

function tooLarge(limit: number): Response {
  // Connection: close — the rest of the body is never read, so the connection cannot be reused.
  return jsonError(413, `the request body is larger than ${limit / 1024} KB`, { connection: 'close' });
}

/**
 * The request's body as text, or a 413 before more than `limit` bytes are read: a declared
 * Content-Length over the limit is refused without reading, a chunked body stops being read there.
 */
export async function readBody(request: Request, limit: number): Promise<string | Response> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) return tooLarge(limit);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return tooLarge(limit);
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
