import { Module } from '@nestjs/common';
import { RemindersController } from './reminders.controller.js';
import { TaskChangeLog } from './task-change-log.service.js';
import { TaskCommands } from './task-commands.service.js';
import { TasksController } from './tasks.controller.js';
import { TasksService } from './tasks.service.js';

@Module({
  controllers: [TasksController, RemindersController],
  providers: [TasksService, TaskChangeLog, TaskCommands],
  exports: [TasksService, TaskCommands],
})
export class TasksModule {}
