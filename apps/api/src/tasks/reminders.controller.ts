import { Controller, Get } from '@nestjs/common';
import type { AuthenticatedUser } from '../auth/auth.types.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { toTaskView } from './task.mapper.js';
import type { TaskView } from './task.view.js';
import { TasksService } from './tasks.service.js';

@Controller('api/reminders')
export class RemindersController {
  constructor(private readonly tasks: TasksService) {}

  /** Due reminders of the caller, each returned once: the call marks them sent. */
  @Get('due')
  async due(@CurrentUser() user: AuthenticatedUser): Promise<TaskView[]> {
    return (await this.tasks.takeDueReminders(user.id)).map(toTaskView);
  }
}
