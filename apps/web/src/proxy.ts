import { getSessionCookie } from 'better-auth/cookies';
import { NextResponse, type NextRequest } from 'next/server';
import { pageCsp } from '@/lib/security-headers';

/** Pages that need a session send a signed-out visitor to sign in (the api checks the JWT itself). */
const PROTECTED = /^\/(?:chat|tasks|account)(?:\/|$)/;

/**
 * Every page: a CSP with a fresh nonce (Next.js reads it from the request's CSP header and puts it on
 * its scripts); and the session check for the app's own pages. HSTS: server/entry.js, on every response.
 */
export function proxy(request: NextRequest): NextResponse {
  const https = (process.env.BETTER_AUTH_URL ?? '').startsWith('https:');
  const nonce = btoa(crypto.randomUUID());
  const csp = pageCsp(nonce, https);
  const signedIn = Boolean(getSessionCookie(request));
  let response: NextResponse;
  if (PROTECTED.test(request.nextUrl.pathname) && !signedIn) {
    const signIn = new URL('/sign-in', request.url);
    signIn.searchParams.set('next', request.nextUrl.pathname);
    response = NextResponse.redirect(signIn);
  } else if (request.nextUrl.pathname === '/' && signedIn) {
    // The landing page is for visitors; the signed-in go straight to the app.
    response = NextResponse.redirect(new URL('/chat', request.url));
  } else {
    const headers = new Headers(request.headers);
    headers.set('content-security-policy', csp);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set('content-security-policy', csp);
  return response;
}

// Pages only: never /api (a proxy would buffer request bodies, defeating the BFF's limits) nor static files.
export const config = { matcher: ['/((?!api/|_next/static/|_next/image|favicon.ico).*)'] };
