import { TaskBoard } from '@/components/tasks/TaskBoard';

export default function TasksPage() {
  return <TaskBoard />;
}
