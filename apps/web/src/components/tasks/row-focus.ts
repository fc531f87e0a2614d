import type { TaskView as Task } from '@/lib/client/types';

/** The row a change was made from: its task, and where it stood in the list. */
export interface ChangedRow {
  taskId: number;
  index: number;
}

const rowControl = (list: HTMLElement, taskId: number) =>
  list.querySelector<HTMLElement>(`[data-task-id="${taskId}"] .task-check`);

/**
 * After the list was refetched: focus stays in the changed row while it is there (it may have moved);
 * when it left the list (deleted, or filtered out once done), the row now at its place — else the one
 * before it — takes focus; with no row left, `fallback` does.
 */
export function refocusAfterChange(
  list: HTMLElement | null,
  tasks: Task[],
  row: ChangedRow,
  fallback: HTMLElement | null,
) {
  if (list?.querySelector(`[data-task-id="${row.taskId}"]`)?.contains(document.activeElement)) return;
  const stillThere = tasks.some((task) => task.id === row.taskId);
  const neighbour = tasks[row.index] ?? tasks[row.index - 1];
  const target = stillThere ? row.taskId : neighbour?.id;
  const control = list && target !== undefined ? rowControl(list, target) : null;
  (control ?? fallback)?.focus();
}
