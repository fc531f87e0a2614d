import { BROWSER_ROUTE_ROOTS } from '@todo-chatbot/api/contracts';
import { randomBytes } from 'node:crypto';
import { ApiTokenCache, sessionKey } from './api-token-cache';
import { getAuth } from './auth';
import { webEnv } from './env';
import { BODY_LIMIT, CHAT_BODY_LIMIT, readBody } from './body';
import { jsonError } from './http';
import { rejectCrossSite, rejectNonJson } from './request-guard';

const SAFE_SEGMENT = /^[\w-]+$/;
/** The api's answer headers the browser gets; ETag with the request's If-None-Match lets a poll be a bodiless 304. */
const FORWARDED_HEADERS = ['content-type', 'cache-control', 'etag', 'x-accel-buffering', 'x-request-id'];
/** A proxy's request id is kept when it looks like one (the api applies the same rule). */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The api path for `/api/<segments>`, or null when it is not one this server forwards. */
export function apiPathFor(segments: string[]): string | null {
  const [root] = segments;
  // Only the api routes meant for a browser (the contract's list); /mcp, /metrics and the rest stay private.
  if (!root || !(BROWSER_ROUTE_ROOTS as readonly string[]).includes(root)) return null;
  if (!segments.every((segment) => SAFE_SEGMENT.test(segment))) return null;
  return `/api/${segments.join('/')}`;
}

/** The api's answer may take this long to start (a chat turn with a model takes longer), then 503. */
const API_TIMEOUT_MS = 20_000;
const CHAT_TIMEOUT_MS = 120_000;

type Identity = { token: string } | { status: 401 | 503; message: string };

/** An error and its causes in one line, for the log. */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  for (
    let current = error, depth = 0;
    current && depth < 4;
    current = (current as { cause?: unknown }).cause, depth += 1
  ) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    parts.push(
      `${typeof message === 'string' ? message : String(current)}${typeof code === 'string' ? ` (${code})` : ''}`,
    );
  }
  return parts.join(' <- ');
}

const isUnauthorized = (error: unknown) => (error as { statusCode?: unknown } | null)?.statusCode === 401;

/** A session's api token is minted once and reused for at most 45 s (api-token-cache.ts). */
const tokenCache = new ApiTokenCache();

/** The signed-in user's JWT (a session's is reused for up to 45 s), or why there is none. */
async function userToken(headers: Headers): Promise<Identity> {
  const key = sessionKey(headers);
  const cached = key ? tokenCache.get(key) : undefined;
  if (cached) return { token: cached };
  const identity = await mintUserToken(headers);
  if (key && 'token' in identity) tokenCache.set(key, identity.token);
  return identity;
}

/**
 * A fresh JWT for the signed-in user, or why there is none. 401 only when the request carries no valid session;
 * when the session cannot be read (the database is down or hangs) it is a 503, logged with its cause.
 * One better-auth call: getSession reads the session, and the JWT plugin mints the token with it
 * (the `set-auth-jwt` header). better-auth's getToken cannot be used: it answers 401 for any failure.
 */
async function mintUserToken(headers: Headers): Promise<Identity> {
  const auth = getAuth();
  try {
    const session = await auth.api.getSession({ headers, returnHeaders: true });
    if (!session.response) return { status: 401, message: 'sign in first' };
    const token = session.headers.get('set-auth-jwt');
    if (token) return { token };
    const payload = { iat: Math.floor(Date.now() / 1000), sub: session.response.user.id };
    const signed = await auth.api.signJWT({ body: { payload } });
    return { token: signed.token };
  } catch (error) {
    if (isUnauthorized(error)) return { status: 401, message: 'sign in first' };
    console.error(`[bff] reading the session failed: ${describeError(error)}`);
    return { status: 503, message: 'sessions cannot be read right now (database unavailable); try again shortly' };
  }
}

/**
 * Same-origin BFF: forwards the request to the api with the user's JWT and streams the answer back
 * (SSE included). The api address lives only here, read at run time.
 */
export async function forwardToApi(request: Request, segments: string[]): Promise<Response> {
  const incoming = request.headers.get('x-request-id');
  const requestId = incoming && SANE_REQUEST_ID.test(incoming) ? incoming : randomBytes(8).toString('hex');
  const response = await forward(request, segments, requestId);
  // The api's own answers carry the same id (it takes ours); this server's answers get it here.
  if (!response.headers.has('x-request-id')) response.headers.set('x-request-id', requestId);
  return response;
}

/** An api error that is not its JSON `{statusCode, message}` (a proxy's page, say) is never shown as is. */
async function sanitizedError(upstream: Response, log: string): Promise<Response | null> {
  // A 304 (the list unchanged since the browser's ETag) is an answer without a body.
  if (upstream.ok || upstream.status === 304 || upstream.headers.get('content-type')?.includes('application/json'))
    return null;
  await upstream.body?.cancel();
  console.error(`${log}: the api answered ${upstream.status} without a JSON error`);
  return jsonError(
    upstream.status >= 500 ? 502 : upstream.status,
    'the api failed to answer properly; try again shortly',
  );
}

const carriesBody = (method: string) => !['GET', 'HEAD'].includes(method);

async function forward(request: Request, segments: string[], requestId: string): Promise<Response> {
  const path = apiPathFor(segments);
  if (!path) return jsonError(404, 'not found');
  const rejected = rejectCrossSite(request) ?? rejectNonJson(request);
  if (rejected) return rejected;
  const body = carriesBody(request.method)
    ? await readBody(request, segments[0] === 'chat' ? CHAT_BODY_LIMIT : BODY_LIMIT)
    : undefined;
  if (body instanceof Response) return body;
  const identity = await userToken(request.headers);
  if (!('token' in identity)) return jsonError(identity.status, identity.message);
  const timeoutMs = segments[0] === 'chat' ? CHAT_TIMEOUT_MS : API_TIMEOUT_MS;
  // Until the answer starts: a stream (SSE) may then run as long as it needs.
  const headersTimeout = new AbortController();
  const timer = setTimeout(() => headersTimeout.abort(), timeoutMs);
  let upstream: Response;
  try {
    upstream = await fetch(`${webEnv().apiUrl}${path}${new URL(request.url).search}`, {
      method: request.method,
      headers: upstreamHeaders(request, identity.token, requestId),
      body,
      signal: AbortSignal.any([request.signal, headersTimeout.signal]),
    });
  } catch (error) {
    const log = `[bff] ${requestId} ${request.method} ${path}`;
    if (request.signal.aborted) return jsonError(499, 'the request was cancelled');
    if (headersTimeout.signal.aborted) {
      console.error(`${log}: the api did not answer within ${timeoutMs / 1000} s`);
      return jsonError(503, `the api did not answer within ${timeoutMs / 1000} s; try again shortly`);
    }
    console.error(`${log}: the api cannot be reached: ${describeError(error)}`);
    return jsonError(502, 'the api cannot be reached right now; try again shortly');
  } finally {
    clearTimeout(timer);
  }
  return proxiedResponse(upstream, `[bff] ${requestId} ${request.method} ${path}`);
}

/** What the api is sent besides the body: the user's JWT, the request id, and the browser's own conditions. */
export function upstreamHeaders(request: Request, token: string, requestId: string): Headers {
  const headers = new Headers({
    authorization: `Bearer ${token}`,
    'x-request-id': requestId,
    accept: request.headers.get('accept') ?? 'application/json',
  });
  if (carriesBody(request.method))
    headers.set('content-type', request.headers.get('content-type') ?? 'application/json');
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch) {
    headers.set('if-none-match', ifNoneMatch);
    // Without a Cache-Control of its own, fetch adds `no-cache` to a conditional request, and Express then
    // ignores the ETag (always a 200); `max-age=0` asks for the same revalidation and keeps the 304.
    headers.set('cache-control', 'max-age=0');
  }
  return headers;
}

/**
 * The api's answer as the browser gets it: its status, body and the forwarded headers (a 304 has no body),
 * or a sentence in place of an error that is not the api's JSON.
 */
export async function proxiedResponse(upstream: Response, log: string): Promise<Response> {
  const unreadable = await sanitizedError(upstream, log);
  if (unreadable) return unreadable;
  if (upstream.status >= 500) console.error(`${log}: the api answered ${upstream.status}`);
  const headers = new Headers();
  for (const name of FORWARDED_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.status === 304 ? null : upstream.body, { status: upstream.status, headers });
}
