import { describe, expect, test } from '@jest/globals';
import { LIMITS } from '../src/contracts.js';
import type { ConversationView, MessageView } from '../src/chat/chat.view.js';
import { conversation } from './support/chat.js';
import { useApi } from './support/harness.js';

const h = useApi();

async function startConversation() {
  const user = await h.newUser();
  const chat = conversation(h, user);
  await chat.say('add a task to water the plants');
  return { user, id: chat.id! };
}

describe('PATCH /api/conversations/:id renames the user’s own conversation', () => {
  test('the new title is answered and listed', async () => {
    const { user, id } = await startConversation();
    const renamed = (await h.patch(user, `/api/conversations/${id}`, { title: '  Garden  ' }).expect(200))
      .body as ConversationView;
    expect(renamed).toMatchObject({ id, title: 'Garden' });
    const listed = (await h.get(user, '/api/conversations').expect(200)).body as ConversationView[];
    expect(listed.map((c) => [c.id, c.title])).toEqual([[id, 'Garden']]);
  });

  test('a title of LIMITS.conversationTitle characters is kept; a longer, empty or multi-line one is a 400', async () => {
    const { user, id } = await startConversation();
    const longest = 'x'.repeat(LIMITS.conversationTitle);
    await h.patch(user, `/api/conversations/${id}`, { title: longest }).expect(200);
    for (const [title, message] of [
      [`${longest}x`, `title must be at most ${LIMITS.conversationTitle} characters`],
      ['   ', 'title must not be empty'],
      ['two\nlines', 'title must be one line without control characters'],
    ]) {
      const response = await h.patch(user, `/api/conversations/${id}`, { title }).expect(400);
      expect(JSON.stringify(response.body.message)).toContain(message);
    }
    await h.patch(user, `/api/conversations/${id}`, { title: 'ok', extra: 1 }).expect(400);
    await h.patch(user, `/api/conversations/${id}`, {}).expect(400);
    const listed = (await h.get(user, '/api/conversations').expect(200)).body as ConversationView[];
    expect(listed[0]?.title).toBe(longest);
  });
});

describe('DELETE /api/conversations/:id deletes the user’s own conversation and its messages', () => {
  test('it is gone from the list, its messages are a 404, and a second delete is a 404', async () => {
    const { user, id } = await startConversation();
    const other = conversation(h, user);
    await other.say('list my tasks');
    await h.del(user, `/api/conversations/${id}`).expect(204);
    const listed = (await h.get(user, '/api/conversations').expect(200)).body as ConversationView[];
    expect(listed.map((c) => c.id)).toEqual([other.id]);
    await h.get(user, `/api/conversations/${id}/messages`).expect(404);
    await h.del(user, `/api/conversations/${id}`).expect(404);
    const kept = (await h.get(user, `/api/conversations/${other.id}/messages`).expect(200)).body as MessageView[];
    expect(kept).toHaveLength(2);
  });
});

describe('another user’s conversation is a 404 and stays as it was', () => {
  test('for rename and delete', async () => {
    const { user: owner, id } = await startConversation();
    const before = (await h.get(owner, '/api/conversations').expect(200)).body as ConversationView[];
    const stranger = await h.newUser();
    await h.patch(stranger, `/api/conversations/${id}`, { title: 'hijacked' }).expect(404);
    await h.del(stranger, `/api/conversations/${id}`).expect(404);
    await h.get(owner, '/api/conversations').expect(200, before);
    expect((await h.get(owner, `/api/conversations/${id}/messages`).expect(200)).body).toHaveLength(2);
  });

  test('an id that is not a uuid is a 400', async () => {
    const user = await h.newUser();
    await h.patch(user, '/api/conversations/not-a-uuid', { title: 'x' }).expect(400);
    await h.del(user, '/api/conversations/not-a-uuid').expect(400);
  });
});
