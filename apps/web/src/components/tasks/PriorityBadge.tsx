import type { Priority } from '@/lib/client/types';

export function PriorityBadge({ priority }: { priority: Priority }) {
  return (
    <span className={`badge priority-${priority}`} title={`${priority} priority`}>
      {priority}
    </span>
  );
}
