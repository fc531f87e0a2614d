import { Module } from '@nestjs/common';
import { RemindersController } from './reminders.controller.js';
import { TasksController } from './tasks.controller.js';
import { TasksService } from './tasks.service.js';

@Module({
  controllers: [TasksController, RemindersController],
  providers: [TasksService],
  exports: [TasksService],
})
export class TasksModule {}
