import { describe, expect, test } from '@jest/globals';
import { nextOccurrence, nextReminder } from '../src/tasks/recurrence.js';
import type { Frequency } from '../src/tasks/task.schemas.js';

const next = (from: string, frequency: Frequency, interval = 1) =>
  nextOccurrence(new Date(from), { frequency, interval }).toISOString();

// 27 November 2026 is a Friday.
describe('the next occurrence of a recurring task', () => {
  test.each([
    ['weekdays: Monday → Tuesday', '2026-11-23T09:00:00.000Z', 'weekdays', 1, '2026-11-24T09:00:00.000Z'],
    ['weekdays: Friday → Monday', '2026-11-27T09:00:00.000Z', 'weekdays', 1, '2026-11-30T09:00:00.000Z'],
    ['weekdays: Saturday → Monday', '2026-11-28T09:00:00.000Z', 'weekdays', 1, '2026-11-30T09:00:00.000Z'],
    ['weekdays: Thursday, every 2nd → Monday', '2026-11-26T09:00:00.000Z', 'weekdays', 2, '2026-11-30T09:00:00.000Z'],
    ['weekends: Saturday → Sunday', '2026-11-28T10:00:00.000Z', 'weekends', 1, '2026-11-29T10:00:00.000Z'],
    ['weekends: Sunday → Saturday', '2026-11-29T10:00:00.000Z', 'weekends', 1, '2026-12-05T10:00:00.000Z'],
    ['weekends: Wednesday → Saturday', '2026-11-25T10:00:00.000Z', 'weekends', 1, '2026-11-28T10:00:00.000Z'],
    [
      'weekends: Sunday, every other → Saturday in two weeks',
      '2026-11-29T10:00:00.000Z',
      'weekends',
      2,
      '2026-12-12T10:00:00.000Z',
    ],
    ['weekly, every other week', '2026-11-27T09:00:00.000Z', 'weekly', 2, '2026-12-11T09:00:00.000Z'],
    [
      'monthly on the 31st → the last day of February',
      '2027-01-31T09:00:00.000Z',
      'monthly',
      1,
      '2027-02-28T09:00:00.000Z',
    ],
  ] as const)('%s', (_case, from, frequency, interval, expected) => {
    expect(next(from, frequency, interval)).toBe(expected);
  });

  test('the reminder keeps its distance to the due date', () => {
    const due = new Date('2026-11-27T09:00:00.000Z');
    const remind = new Date('2026-11-26T20:00:00.000Z');
    const reminder = nextReminder(remind, due, { frequency: 'weekdays', interval: 1 });
    expect(reminder.toISOString()).toBe('2026-11-29T20:00:00.000Z');
  });
});
