import { afterAll, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import * as contracts from '../src/contracts.js';
import { useApi } from './support/harness.js';
import { connectMcp, type McpSession } from './support/mcp-client.js';

const h = useApi();
const sessions: McpSession[] = [];
afterAll(async () => {
  await Promise.all(sessions.map((session) => session.close()));
});

describe('bad input is a 400 naming the field, never a 500', () => {
  test.each([
    ['a NUL in the title', { title: 'Buy\u0000milk' }, 'title: title must not contain control characters'],
    [
      'an escape character in the title',
      { title: 'Buy \u001b[31m milk' },
      'title: title must not contain control characters',
    ],
    [
      'a NUL in the description',
      { title: 'x', description: 'a\u0000b' },
      'description: description must not contain control characters other than tab and line breaks',
    ],
    ['a NUL in a tag', { title: 'x', tags: ['ok', 'b\u0000d'] }, 'tags.1: a tag must not contain control characters'],
    [
      'a due date in year 0',
      { title: 'x', due_at: '0000-01-01T00:00:00Z' },
      'due_at: due_at must be a date between the years 1970 and 9999',
    ],
    [
      'a reminder before 1970',
      { title: 'x', remind_at: '1969-12-31T23:59:59Z' },
      'remind_at: remind_at must be a date between the years 1970 and 9999',
    ],
    [
      'a due date past 9999 in UTC',
      { title: 'x', due_at: '9999-12-31T23:00:00-05:00' },
      'due_at: due_at must be a date between the years 1970 and 9999',
    ],
  ])('%s', async (_case, body, message) => {
    const user = await h.newUser();
    await h.post(user, '/api/tasks', body).expect(400, { statusCode: 400, error: 'Bad Request', message });
    await h.get(user, '/api/tasks').expect(200, []);
  });

  test('tab and line breaks stay allowed in descriptions', async () => {
    const user = await h.newUser();
    const task = (await h.post(user, '/api/tasks', { title: 'x', description: 'a\tb\r\nc' }).expect(201)).body;
    expect(task.description).toBe('a\tb\r\nc');
  });

  test.each([
    ['search=milk%00', 'search: search must not contain control characters'],
    ['tag=a%00b', 'tag: a tag must not contain control characters'],
    ['due_before=0001-01-01T00:00:00Z', 'due_before: due_before must be a date between the years 1970 and 9999'],
    ['due_after=1900-01-01T00:00:00Z', 'due_after: due_after must be a date between the years 1970 and 9999'],
  ])('the query %s', async (query, message) => {
    const user = await h.newUser();
    await h.get(user, `/api/tasks?${query}`).expect(400, { statusCode: 400, error: 'Bad Request', message });
  });

  test('an update with a NUL is refused and leaves the task as it was', async () => {
    const user = await h.newUser();
    const task = (await h.post(user, '/api/tasks', { title: 'Keep' }).expect(201)).body;
    await h.patch(user, `/api/tasks/${task.id}`, { title: 'K\u0000' }).expect(400);
    await h.get(user, `/api/tasks/${task.id}`).expect(200, task);
  });

  test('a task id beyond PostgreSQL integers is a 400, not a driver error', async () => {
    const user = await h.newUser();
    await h.get(user, '/api/tasks/99999999999').expect(400);
    await h.post(user, '/api/reminders/ack', { task_ids: [99999999999] }).expect(400);
  });

  test('a chat message with a NUL is a 400 naming the field', async () => {
    const user = await h.newUser();
    const response = await h
      .post(user, '/api/chat', { message: 'add a task to buy\u0000milk', client_message_id: randomUUID() })
      .expect(400);
    expect(response.body.message).toBe(
      'message: message must not contain control characters other than tab and line breaks',
    );
  });

  test('the title limit comes from contracts.ts', async () => {
    const user = await h.newUser();
    await h.post(user, '/api/tasks', { title: 'x'.repeat(contracts.LIMITS.title) }).expect(201);
    await h.post(user, '/api/tasks', { title: 'x'.repeat(contracts.LIMITS.title + 1) }).expect(400);
  });
});

describe('the MCP tools apply the same rules, in sentences', () => {
  test('a NUL title and a year-0 date are tool errors naming the field', async () => {
    const user = await h.newUser();
    const mcp = await connectMcp(h.api.url, user);
    sessions.push(mcp);
    const nul = await mcp.call('add_task', { title: 'Buy\u0000milk' });
    expect(nul).toMatchObject({ isError: true, text: 'The title must not contain control characters.' });
    const year0 = await mcp.call('list_tasks', { due_before: '0000-01-01T00:00:00Z' });
    expect(year0.text).toBe('The due-before date must be a date between the years 1970 and 9999.');
    const wrongType = await mcp.call('update_task', { number: 'seven' });
    expect(wrongType.isError).toBe(true);
    expect(wrongType.text).not.toMatch(/MCP error|-32602|Input validation error/);
    expect(wrongType.text).toBe('A task number is a whole number, like 3.');
    expect((await mcp.call('list_tasks')).data).toEqual({ tasks: [], count: 0 });
  });
});
