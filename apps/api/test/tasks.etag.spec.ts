import { describe, expect, test } from '@jest/globals';
import type { TaskView } from '../src/tasks/task.view.js';
import { useApi } from './support/harness.js';

const h = useApi();

/** The task board polls the list with the ETag of what it shows: an unchanged list is a bodiless 304. */
describe('revalidating the task list', () => {
  test('the list has an ETag; a matching If-None-Match is a 304 until a task changes', async () => {
    const user = await h.newUser();
    const task = (await h.post(user, '/api/tasks', { title: 'Water the plants' }).expect(201)).body as TaskView;
    const list = '/api/tasks?sort_by=due_at&order=asc';

    const first = await h.get(user, list).expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    // Browsers and proxies must ask again each time rather than show a stored copy.
    expect(first.headers['cache-control']).toBe('private, no-cache');

    const unchanged = await h.get(user, list).set('if-none-match', etag).expect(304);
    expect(unchanged.text).toBeFalsy();

    await h.post(user, `/api/tasks/${task.id}/complete`).expect(200);
    const completed = await h.get(user, list).set('if-none-match', etag).expect(200);
    expect(completed.headers.etag).not.toBe(etag);
    expect(completed.body).toEqual([expect.objectContaining({ id: task.id, completed: true })]);

    await h.post(user, '/api/tasks', { title: 'Feed the cat' }).expect(201);
    const added = await h
      .get(user, list)
      .set('if-none-match', completed.headers.etag as string)
      .expect(200);
    expect(added.body.map((t: TaskView) => t.title).sort()).toEqual(['Feed the cat', 'Water the plants']);
  });
});
