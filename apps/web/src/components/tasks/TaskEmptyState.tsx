import Link from 'next/link';
import type { TaskFilters } from '@/lib/client/task-query';

const narrowed = (filters: TaskFilters): boolean =>
  filters.status !== 'all' ||
  filters.priority !== 'any' ||
  filters.due !== 'any' ||
  filters.search.trim() !== '' ||
  filters.tag.trim() !== '';

/** No tasks at all (how to add the first) or none that match (how to see them again). */
export function TaskEmptyState({ filters, onClearFilters }: { filters: TaskFilters; onClearFilters: () => void }) {
  if (narrowed(filters))
    return (
      <div className="card empty-state">
        <h2>No tasks match these filters</h2>
        <button type="button" className="secondary" onClick={onClearFilters}>
          Clear filters
        </button>
      </div>
    );
  return (
    <div className="card empty-state">
      <h2>No tasks yet</h2>
      <p className="muted">
        Type one in the box above, or <Link href="/chat">ask the chat</Link>: “add a task to water the plants on
        Friday”.
      </p>
    </div>
  );
}
