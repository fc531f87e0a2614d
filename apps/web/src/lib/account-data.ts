import { APIError } from 'better-auth/api';
import { webEnv } from './env';

/** How long the api may take to delete a user's rows before the account's deletion is refused. */
const DELETE_TIMEOUT_MS = 20_000;

/**
 * Deletes at the api everything the user owns (tasks, conversations and the rest, in one transaction).
 * better-auth calls it before it deletes the user: when it fails, the account stays, and the user can retry,
 * so no account is ever gone while its data is left behind.
 */
export async function deleteApiData(token: string): Promise<void> {
  let status: number;
  try {
    const response = await fetch(`${webEnv().apiUrl}/api/account`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(DELETE_TIMEOUT_MS),
    });
    await response.body?.cancel();
    status = response.status;
  } catch (error) {
    console.error(`[account] the api cannot delete the user's data: ${String(error)}`);
    status = 502;
  }
  if (status !== 204) {
    if (status !== 502) console.error(`[account] the api answered ${status} to deleting the user's data`);
    throw new APIError('SERVICE_UNAVAILABLE', {
      message: 'your data could not be deleted right now, so the account was kept; try again shortly',
    });
  }
}
