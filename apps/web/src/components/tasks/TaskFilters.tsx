'use client';

import { useState } from 'react';
import type { DueFilter, SortField, StatusFilter, TaskFilters as Filters } from '@/lib/client/task-query';
import { LabelledOptions } from './LabelledOptions';
import { PRIORITY_LABELS, type Priority } from '@/lib/client/types';
import { DisclosureButton } from '@/components/DisclosureButton';

interface Props {
  filters: Filters;
  onChange: (filters: Filters) => void;
}

const SORT_LABELS: Record<SortField, string> = {
  created_at: 'Created',
  due_at: 'Due date',
  priority: 'Priority',
  title: 'Title',
};

export function TaskFilters({ filters, onChange }: Props) {
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => onChange({ ...filters, [key]: value });
  // Folded away on phones (the toggle shows only there), so the first task is on the first screen.
  const [open, setOpen] = useState(false);
  return (
    <section className={`card filters${open ? ' open' : ''}`} aria-label="Filter and sort tasks">
      <DisclosureButton
        open={open}
        onToggle={setOpen}
        controls="task-filter-fields"
        className="secondary filters-toggle"
      >
        Filter and sort
      </DisclosureButton>
      <div id="task-filter-fields" className="filter-fields">
        <label className="search">
          Search
          <input
            type="search"
            value={filters.search}
            placeholder="Title or description"
            onChange={(e) => set('search', e.target.value)}
          />
        </label>
        <label>
          Status
          <select value={filters.status} onChange={(e) => set('status', e.target.value as StatusFilter)}>
            <option value="all">All</option>
            <option value="pending">Pending</option>
            <option value="completed">Completed</option>
          </select>
        </label>
        <label>
          Priority
          <select value={filters.priority} onChange={(e) => set('priority', e.target.value as Priority | 'any')}>
            <option value="any">Any</option>
            <LabelledOptions labels={PRIORITY_LABELS} />
          </select>
        </label>
        <label>
          Tag
          <input value={filters.tag} placeholder="e.g. work" onChange={(e) => set('tag', e.target.value)} />
        </label>
        <label>
          Due
          <select value={filters.due} onChange={(e) => set('due', e.target.value as DueFilter)}>
            <option value="any">Any time</option>
            <option value="overdue">Overdue</option>
            <option value="today">Today</option>
            <option value="week">This week</option>
          </select>
        </label>
        <div className="sort">
          <label>
            Sort by
            <select value={filters.sortBy} onChange={(e) => set('sortBy', e.target.value as SortField)}>
              {Object.entries(SORT_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="secondary order-toggle"
            onClick={() => set('order', filters.order === 'asc' ? 'desc' : 'asc')}
          >
            {/* Its name holds the words it shows (speech users say what they see): "Sort order: Asc". */}
            <span className="visually-hidden">Sort order: </span>
            <span aria-hidden="true">{filters.order === 'asc' ? '↑ ' : '↓ '}</span>
            {filters.order === 'asc' ? 'Asc' : 'Desc'}
          </button>
        </div>
      </div>
    </section>
  );
}
