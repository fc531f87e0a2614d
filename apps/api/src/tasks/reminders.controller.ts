import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import type { AuthenticatedUser } from '../auth/auth.types.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { browserRoute } from '../contracts.js';
import { toTaskView } from './task.mapper.js';
import {
  reminderAckSchema,
  reminderDismissSchema,
  type ReminderAckRequest,
  type ReminderAckResponse,
  type ReminderDismissRequest,
  type ReminderDismissResponse,
} from './task.schemas.js';
import type { TaskView } from './task.view.js';
import { TasksService } from './tasks.service.js';

@Controller(browserRoute('reminders'))
export class RemindersController {
  constructor(private readonly tasks: TasksService) {}

  /** Due reminders of the caller not acknowledged yet. Reading changes nothing: a prefetch or a retry loses none. */
  @Get('due')
  async due(@CurrentUser() user: AuthenticatedUser): Promise<TaskView[]> {
    return (await this.tasks.dueReminders(user.id)).map(toTaskView);
  }

  /** Marks the reminders of the given tasks shown; ids of other users' tasks are ignored. */
  @Post('ack')
  @HttpCode(200)
  async ack(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodValidationPipe(reminderAckSchema)) body: ReminderAckRequest,
  ): Promise<ReminderAckResponse> {
    return { acknowledged: await this.tasks.acknowledgeReminders(user.id, body.task_ids) };
  }

  /** Shown reminders the caller has not dismissed, newest first. Reading changes nothing. */
  @Get('missed')
  async missed(@CurrentUser() user: AuthenticatedUser): Promise<TaskView[]> {
    return (await this.tasks.missedReminders(user.id)).map(toTaskView);
  }

  /** The user has seen these reminders: they leave the missed list. Ids of other users' tasks are ignored. */
  @Post('dismiss')
  @HttpCode(200)
  async dismiss(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodValidationPipe(reminderDismissSchema)) body: ReminderDismissRequest,
  ): Promise<ReminderDismissResponse> {
    return { dismissed: await this.tasks.dismissReminders(user.id, body.task_ids) };
  }
}
