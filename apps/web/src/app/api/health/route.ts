export const dynamic = 'force-dynamic';

/** Liveness: the web server answers; no dependency is checked. */
export function GET(): Response {
  return Response.json({ status: 'ok' });
}
