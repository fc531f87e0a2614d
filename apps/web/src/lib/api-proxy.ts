import { getAuth } from './auth';
import { webEnv } from './env';

/** The api routes the browser may reach through this server; anything else is not forwarded. */
export const FORWARDED_ROOTS = ['tasks', 'chat', 'conversations', 'reminders'] as const;
const SAFE_SEGMENT = /^[\w-]+$/;
const FORWARDED_HEADERS = ['content-type', 'cache-control', 'x-accel-buffering'];

export function jsonError(status: number, message: string): Response {
  return Response.json({ statusCode: status, message }, { status });
}

/** The api path for `/api/<segments>`, or null when it is not one this server forwards. */
export function apiPathFor(segments: string[]): string | null {
  const [root] = segments;
  if (!root || !(FORWARDED_ROOTS as readonly string[]).includes(root)) return null;
  if (!segments.every((segment) => SAFE_SEGMENT.test(segment))) return null;
  return `/api/${segments.join('/')}`;
}

/** A JWT for the signed-in user (better-auth's JWT plugin), or null without a session. */
async function userToken(headers: Headers): Promise<string | null> {
  try {
    const { token } = await getAuth().api.getToken({ headers });
    return token;
  } catch {
    return null;
  }
}

/**
 * Same-origin BFF: forwards the request to the api with the user's JWT and streams the answer back
 * (SSE included). The api address lives only here, read at run time.
 */
export async function forwardToApi(request: Request, segments: string[]): Promise<Response> {
  const path = apiPathFor(segments);
  if (!path) return jsonError(404, 'not found');
  const token = await userToken(request.headers);
  if (!token) return jsonError(401, 'sign in first');
  const hasBody = !['GET', 'HEAD'].includes(request.method);
  let upstream: Response;
  try {
    upstream = await fetch(`${webEnv().apiUrl}${path}${new URL(request.url).search}`, {
      method: request.method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: request.headers.get('accept') ?? 'application/json',
        ...(hasBody ? { 'content-type': request.headers.get('content-type') ?? 'application/json' } : {}),
      },
      body: hasBody ? await request.text() : undefined,
      signal: request.signal,
    });
  } catch {
    return jsonError(502, 'the api cannot be reached right now; try again shortly');
  }
  const headers = new Headers();
  for (const name of FORWARDED_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers });
}
