import { jsonError } from './http';

/**
 * better-auth's 5xx answers may carry whatever failed underneath (a driver's text): the user gets a
 * sentence instead, with the request id to quote, and the log keeps the cause (better-auth logs it).
 */
export async function withoutInternals(response: Response, requestId: string): Promise<Response> {
  if (response.status < 500) return response;
  await response.body?.cancel();
  console.error(`[auth] ${requestId}: better-auth answered ${response.status}`);
  return jsonError(503, 'accounts cannot be reached right now; try again shortly', { 'x-request-id': requestId });
}
