import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import type { AuthenticatedUser } from '../auth/auth.types.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { browserRoute } from '../contracts.js';
import { toTaskView } from './task.mapper.js';
import {
  createTaskSchema,
  idempotencyKeySchema,
  listTasksSchema,
  taskIdSchema,
  updateTaskSchema,
  type CreateTaskInput,
  type ListTasksQuery,
  type UpdateTaskInput,
} from './task.schemas.js';
import type { CompletionView, TaskView } from './task.view.js';
import { TasksService, type CompletionResult } from './tasks.service.js';

const completeSchema = z.object({ completed: z.boolean().default(true) }).strict();
const idPipe = new ZodValidationPipe(taskIdSchema);
const idempotencyKeyPipe = new ZodValidationPipe(idempotencyKeySchema);

const toCompletionView = ({ task, next }: CompletionResult): CompletionView => ({
  task: toTaskView(task),
  next_task: next ? toTaskView(next) : null,
});

@Controller(browserRoute('tasks'))
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  /**
   * Express gives the list a weak ETag of its body and answers a matching If-None-Match with a bodiless 304
   * (the task board polls this way); no-cache makes browsers and proxies revalidate instead of reusing a copy.
   */
  @Get()
  @Header('Cache-Control', 'private, no-cache')
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query(new ZodValidationPipe(listTasksSchema)) query: ListTasksQuery,
  ): Promise<TaskView[]> {
    return this.tasks.list(user.id, query);
  }

  /** With an `Idempotency-Key` header, a retry gets the first response (201, same task) and creates nothing. */
  @Post()
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodValidationPipe(createTaskSchema)) input: CreateTaskInput,
    @Headers('idempotency-key') header: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TaskView> {
    const key = header === undefined ? undefined : idempotencyKeyPipe.transform(header);
    if (key === undefined) return this.tasks.create(user.id, input);
    const { body, replayed } = await this.tasks.createOnce(user.id, input, key);
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    return body;
  }

  @Get(':id')
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', idPipe) id: number): Promise<TaskView> {
    return toTaskView(await this.tasks.get(user.id, id));
  }

  /** Returns the next occurrence too when the change completed a recurring task. */
  @Patch(':id')
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', idPipe) id: number,
    @Body(new ZodValidationPipe(updateTaskSchema)) input: UpdateTaskInput,
  ): Promise<CompletionView> {
    return toCompletionView(await this.tasks.update(user.id, id, input));
  }

  @Post(':id/complete')
  @HttpCode(200)
  async complete(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', idPipe) id: number,
    @Body(new ZodValidationPipe(completeSchema)) body: z.output<typeof completeSchema>,
  ): Promise<CompletionView> {
    return toCompletionView(await this.tasks.setCompleted(user.id, id, body.completed));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('id', idPipe) id: number): Promise<void> {
    await this.tasks.remove(user.id, id);
  }
}
