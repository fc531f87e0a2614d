import type { BulkChanges, TaskTools, ToolFilter } from '../../src/agent/offline/task-tool-client.js';
import type { BulkUpdateToolResult, TaskToolResult, UndoToolResult } from '../../src/mcp/tool-contract.js';
import type { TaskChanges } from '../../src/agent/offline/commands.js';
import type { TaskFields } from '../../src/agent/offline/task-fields.js';
import { ToolCallError } from '../../src/mcp/tool-contract.js';
import type { ListTasksArguments } from '../../src/mcp/tool-schemas.js';
import type { BulkAction, ChangeKind, Recurrence } from '../../src/tasks/task.schemas.js';
import type { TaskView } from '../../src/tasks/task.view.js';

const TITLE_LIMIT = 500;
const DAY = 24 * 3600_000;

/**
 * The task tools' contract (issue 14) kept in memory, for unit tests of the offline engine: numbers per
 * user, errors as sentences, the next occurrence of a recurring task, bulk changes and undo. Every call
 * is recorded, so a test can also assert what the engine asked the tools.
 */
export class InMemoryTaskTools implements TaskTools {
  readonly tasks: TaskView[] = [];
  readonly calls: Array<[string, unknown[]]> = [];
  private lastNumber = 0;
  private readonly log: Array<{ kind: ChangeKind; before: TaskView[]; created: number[] }> = [];

  constructor(private readonly now = new Date('2026-11-25T10:00:00Z')) {}

  seed(fields: TaskFields & { title: string; completed?: boolean }): TaskView {
    const task = this.insert(fields);
    task.completed = fields.completed ?? false;
    return task;
  }

  async add(fields: TaskFields): Promise<TaskView> {
    this.calls.push(['add', [fields]]);
    checkTitle(fields.title ?? '');
    return this.record('add', [], () => [this.insert({ ...fields, title: fields.title ?? '' })]);
  }

  async list(filters: ListTasksArguments): Promise<TaskView[]> {
    this.calls.push(['list', [filters]]);
    return this.select(filters)
      .slice(0, Number(filters.limit ?? 100))
      .map(copy);
  }

  async update(number: number, changes: TaskChanges): Promise<TaskToolResult> {
    this.calls.push(['update', [number, changes]]);
    const task = this.find(number);
    if (changes.title !== undefined) checkTitle(changes.title);
    this.record('update', [task], () => [applyChanges(task, changes)]);
    return { status: 'updated', task: copy(task) };
  }

  async complete(number: number, completed: boolean): Promise<TaskToolResult> {
    this.calls.push(['complete', [number, completed]]);
    const task = this.find(number);
    let next: TaskView | undefined;
    this.record('complete', [task], () => {
      task.completed = completed;
      if (completed && task.recurrence) next = this.insert({ ...fieldsOf(task), due_at: this.nextDue(task) });
      return next ? [task, next] : [task];
    });
    const status = completed ? 'completed' : 'uncompleted';
    return { status, task: copy(task), ...(next ? { next_task: copy(next) } : {}) };
  }

  async remove(number: number): Promise<TaskView> {
    this.calls.push(['remove', [number]]);
    const task = this.find(number);
    this.record('delete', [task], () => {
      this.tasks.splice(this.tasks.indexOf(task), 1);
      return [];
    });
    return copy(task);
  }

  async bulk(filter: ToolFilter, action: BulkAction, changes?: BulkChanges): Promise<BulkUpdateToolResult> {
    this.calls.push(['bulk', [filter, action, changes]]);
    if (Object.keys(filter).length === 0) throw new ToolCallError('Say which tasks: a filter is needed.');
    const selected = this.select(filter);
    this.record('bulk', selected, () => {
      for (const task of selected) {
        if (action === 'delete') this.tasks.splice(this.tasks.indexOf(task), 1);
        else if (action === 'update') applyChanges(task, changes ?? {});
        else task.completed = action === 'complete';
      }
      return [];
    });
    return { action, count: selected.length, tasks: selected.map(copy) };
  }

  async undo(): Promise<UndoToolResult> {
    this.calls.push(['undo', []]);
    const change = this.log.pop();
    if (!change) throw new ToolCallError('There is nothing to undo in this conversation.');
    const removed = this.tasks.filter((task) => change.created.includes(task.number)).map(copy);
    for (const number of change.created)
      this.tasks.splice(
        this.tasks.findIndex((task) => task.number === number),
        1,
      );
    for (const snapshot of change.before) {
      const index = this.tasks.findIndex((task) => task.number === snapshot.number);
      if (index >= 0) this.tasks[index] = snapshot;
      else this.tasks.push(snapshot);
    }
    this.tasks.sort((a, b) => a.number - b.number);
    const tasks = change.kind === 'add' ? removed : change.before.map(copy);
    return { undone: change.kind, count: tasks.length, tasks };
  }

  private record(kind: ChangeKind, touched: TaskView[], change: () => TaskView[]): TaskView {
    const before = touched.map(copy);
    const numbersBefore = new Set(this.tasks.map((task) => task.number));
    const [first] = change();
    const created = this.tasks.map((task) => task.number).filter((number) => !numbersBefore.has(number));
    this.log.push({ kind, before, created });
    return first as TaskView;
  }

  private insert(fields: TaskFields & { title: string }): TaskView {
    const task: TaskView = {
      id: 1000 + this.lastNumber,
      number: ++this.lastNumber,
      title: fields.title,
      description: fields.description ?? null,
      completed: false,
      completed_at: null,
      priority: fields.priority ?? 'medium',
      tags: fields.tags ?? [],
      due_at: fields.due_at ?? null,
      remind_at: fields.remind_at ?? null,
      reminded_at: null,
      reminder_dismissed_at: null,
      recurrence: fields.recurrence ?? null,
      series_id: null,
      created_at: this.now.toISOString(),
      updated_at: this.now.toISOString(),
    };
    this.tasks.push(task);
    return task;
  }

  private find(number: number): TaskView {
    const task = this.tasks.find((candidate) => candidate.number === number);
    if (!task) throw new ToolCallError(`You have no task ${number}.`);
    return task;
  }

  private select(filter: ToolFilter): TaskView[] {
    const search = filter.search?.toLowerCase();
    return this.tasks.filter(
      (task) =>
        (!filter.numbers || filter.numbers.includes(task.number)) &&
        (filter.status !== 'pending' || !task.completed) &&
        (filter.status !== 'completed' || task.completed) &&
        (!filter.priority || task.priority === filter.priority) &&
        (!filter.tag || task.tags.includes(filter.tag)) &&
        (!search || `${task.title} ${task.description ?? ''}`.toLowerCase().includes(search)) &&
        (!filter.due_before || (task.due_at !== null && task.due_at <= filter.due_before)) &&
        (!filter.due_after || (task.due_at !== null && task.due_at >= filter.due_after)),
    );
  }

  private nextDue(task: TaskView): string {
    const from = new Date(task.due_at ?? this.now);
    return nextOccurrence(from, task.recurrence as Recurrence).toISOString();
  }
}

function checkTitle(title: string): void {
  if (title.length > TITLE_LIMIT) {
    throw new ToolCallError(
      `That title is ${title.length.toLocaleString('en-US')} characters; the limit is ${TITLE_LIMIT}. Shorter?`,
    );
  }
}

function applyChanges(task: TaskView, { add_tags, remove_tags, ...changes }: TaskChanges): TaskView {
  Object.assign(task, changes);
  if (add_tags) task.tags = [...new Set([...task.tags, ...add_tags])];
  if (remove_tags) task.tags = task.tags.filter((tag) => !remove_tags.includes(tag));
  return task;
}

function fieldsOf(task: TaskView): TaskFields & { title: string } {
  const { title, priority, tags, recurrence } = task;
  return { title, priority, tags: [...tags], ...(recurrence ? { recurrence } : {}) };
}

function copy(task: TaskView): TaskView {
  return { ...task, tags: [...task.tags] };
}

function nextOccurrence(from: Date, { frequency, interval }: Recurrence): Date {
  const next = new Date(from);
  if (frequency === 'monthly' || frequency === 'yearly') {
    next.setUTCMonth(next.getUTCMonth() + (frequency === 'monthly' ? interval : 12 * interval));
    return next;
  }
  const step = frequency === 'weekly' ? 7 * interval : 1;
  let at = new Date(from.getTime() + step * DAY);
  const weekend = (date: Date) => date.getUTCDay() === 0 || date.getUTCDay() === 6;
  while ((frequency === 'weekdays' && weekend(at)) || (frequency === 'weekends' && !weekend(at))) {
    at = new Date(at.getTime() + DAY);
  }
  return at;
}
