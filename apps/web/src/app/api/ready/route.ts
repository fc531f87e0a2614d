import { jsonError } from '@/lib/api-proxy';
import { webEnv } from '@/lib/env';

export const dynamic = 'force-dynamic';

const API_TIMEOUT_MS = 2000;

/** Readiness: the api answers its own readiness check. */
export async function GET(): Promise<Response> {
  try {
    const response = await fetch(`${webEnv().apiUrl}/ready`, { signal: AbortSignal.timeout(API_TIMEOUT_MS) });
    if (response.ok) return Response.json({ status: 'ready', api: 'up' });
    return jsonError(503, `api not ready (status ${response.status})`);
  } catch (error) {
    return jsonError(503, `api unreachable: ${(error as Error).message}`);
  }
}
