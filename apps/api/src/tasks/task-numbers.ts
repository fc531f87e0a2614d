import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Draws the user's next task number (`returning last_number` gives it; the first is 1). The upsert locks
 * the user's counter row until the transaction ends, so concurrent adds of one user (any replica) get
 * distinct numbers, and a rolled-back add gives its number back. Deleting a task never lowers the
 * counter: a number is never reused. Its one parameter is the user id.
 */
export const NEXT_NUMBER_UPSERT = `insert into task_number_counters (user_id, last_number) values (?, 1)
  on conflict (user_id) do update set last_number = task_number_counters.last_number + 1`;

/** The user's next task number. Call it inside the transaction that inserts the task. */
export async function nextTaskNumber(em: EntityManager, userId: string): Promise<number> {
  const [row] = await em.execute<{ last_number: number }[]>(`${NEXT_NUMBER_UPSERT} returning last_number`, [userId]);
  return row!.last_number;
}
