import { describeError } from '@/lib/api-proxy';
import { jsonError } from '@/lib/http';
import { pingDatabase } from '@/lib/database';
import { webEnv } from '@/lib/env';

export const dynamic = 'force-dynamic';

const CHECK_TIMEOUT_MS = 2000;

/** Readiness: this server reads its sessions (the database answers) and the api is ready. */
export async function GET(): Promise<Response> {
  const [database, api] = await Promise.all([
    pingDatabase(CHECK_TIMEOUT_MS).then(
      () => null,
      (error: unknown) => `database unavailable: ${describeError(error)}`,
    ),
    fetch(`${webEnv().apiUrl}/ready`, { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS + 1000) }).then(
      (response) => (response.ok ? null : `api not ready (status ${response.status})`),
      (error: unknown) => `api unreachable: ${(error as Error).message}`,
    ),
  ]);
  if (database ?? api) return jsonError(503, [database, api].filter(Boolean).join('; '));
  return Response.json({ status: 'ready', database: 'up', api: 'up' });
}
