import { jsonError } from './http';
import { isTrustedOrigin } from './origins';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF: a state-changing request must come from one of this app's own pages — an `Origin` it trusts
 * and, when the browser says so, `Sec-Fetch-Site: same-origin`. A 403 with a sentence otherwise.
 */
export function rejectCrossSite(request: Request): Response | null {
  if (SAFE_METHODS.has(request.method)) return null;
  const site = request.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin') {
    return jsonError(403, `cross-site requests are not accepted (Sec-Fetch-Site: ${site}); use this app's own pages`);
  }
  const origin = request.headers.get('origin');
  if (!origin)
    return jsonError(403, 'the request has no Origin header; state-changing requests must come from this app');
  if (!isTrustedOrigin(origin))
    return jsonError(403, `requests from ${origin} are not accepted; use this app's own pages`);
  return null;
}

/** The BFF takes JSON bodies only (forms cannot be posted at it from another site): 415 otherwise. */
export function rejectNonJson(request: Request): Response | null {
  if (!['POST', 'PUT', 'PATCH'].includes(request.method)) return null;
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') return null;
  return jsonError(415, `the body must be JSON (Content-Type: application/json), not ${type || 'missing'}`);
}
