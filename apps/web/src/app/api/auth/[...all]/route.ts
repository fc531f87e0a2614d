import { randomBytes } from 'node:crypto';
import { toNextJsHandler } from 'better-auth/next-js';
import { getAuth } from '@/lib/auth';
import { withoutInternals } from '@/lib/auth-errors';
import { AUTH_BODY_LIMIT, readBody } from '@/lib/body';
import { rejectCrossSite } from '@/lib/request-guard';

export const dynamic = 'force-dynamic';

const requestId = () => randomBytes(8).toString('hex');

export const GET = async (request: Request) =>
  withoutInternals(await toNextJsHandler(getAuth()).GET(request), requestId());

/** Same-origin only, and a body of at most AUTH_BODY_LIMIT bytes, read before better-auth sees it. */
export async function POST(request: Request): Promise<Response> {
  const rejected = rejectCrossSite(request);
  if (rejected) return rejected;
  const body = await readBody(request, AUTH_BODY_LIMIT);
  if (body instanceof Response) return body;
  const headers = new Headers(request.headers);
  headers.delete('content-length');
  const answer = await toNextJsHandler(getAuth()).POST(
    new Request(request.url, { method: 'POST', headers, body, signal: request.signal }),
  );
  return withoutInternals(answer, requestId());
}
