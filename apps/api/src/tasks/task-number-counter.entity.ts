import { defineEntity, p } from '@mikro-orm/core';

/** The last task number each user was given: the row a new task's number is drawn from (task-numbers.ts). */
export const TaskNumberCounterEntity = defineEntity({
  name: 'TaskNumberCounter',
  tableName: 'task_number_counters',
  properties: {
    userId: p.string().length(255).primary(),
    lastNumber: p.integer(),
  },
});

export class TaskNumberCounter extends TaskNumberCounterEntity.class {}
TaskNumberCounterEntity.setClass(TaskNumberCounter);
