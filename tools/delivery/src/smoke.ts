/**
 * The smoke test a user's browser would do, against a running web app (compose, kind, Minikube): sign up
 * (or sign in again as the user of an earlier run), a chat turn that adds a task, and the task listed.
 * A second run with the same state file proves the data survived (a rollback, a restart).
 */
import { randomUUID } from 'node:crypto';

export interface SmokeUser {
  email: string;
  password: string;
  /** The word the first run's task carries, so a later run can find it. */
  marker: string;
}

export interface SmokeResult {
  user: SmokeUser;
  /** Lines for the log: what was checked. */
  steps: string[];
}

export class SmokeFailure extends Error {}

const TIMEOUT_MS = 30_000;

async function call(
  url: string,
  init: RequestInit & { origin: string; cookie?: string },
  what: string,
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', origin: init.origin };
  if (init.cookie) headers.cookie = init.cookie;
  try {
    return await fetch(url, { ...init, headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new SmokeFailure(
      `${what}: ${url} did not answer (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
}

async function expectOk(response: Response, what: string): Promise<string> {
  const body = await response.text();
  if (!response.ok) throw new SmokeFailure(`${what} answered ${response.status}: ${body.slice(0, 300)}`);
  return body;
}

/**
 * Runs the smoke test at `webUrl`. `origin` is the app's public URL (better-auth checks it);
 * `user` is the user of an earlier run, whose task must still be there.
 */
export async function runSmoke(webUrl: string, origin: string, user?: SmokeUser): Promise<SmokeResult> {
  const base = webUrl.replace(/\/$/, '');
  const steps: string[] = [];
  const me = user ?? {
    email: `smoke-${randomUUID()}@example.com`,
    password: `${randomUUID()}Aa1!`,
    marker: randomUUID().slice(0, 8),
  };
  const auth = await call(
    `${base}/api/auth/${user ? 'sign-in' : 'sign-up'}/email`,
    {
      method: 'POST',
      origin,
      body: JSON.stringify(
        user
          ? { email: me.email, password: me.password }
          : { email: me.email, password: me.password, name: 'smoke test' },
      ),
    },
    user ? 'sign-in' : 'sign-up',
  );
  await expectOk(auth, user ? 'sign-in' : 'sign-up');
  const cookie = auth.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  if (!cookie) throw new SmokeFailure(`${user ? 'sign-in' : 'sign-up'} set no session cookie.`);
  steps.push(`${user ? 'signed in again as' : 'signed up'} ${me.email}`);

  const listTasks = async () => {
    const tasks: unknown = JSON.parse(
      await expectOk(await call(`${base}/api/tasks`, { origin, cookie }, 'GET /api/tasks'), 'GET /api/tasks'),
    );
    if (!Array.isArray(tasks)) throw new SmokeFailure('GET /api/tasks did not answer a list.');
    return tasks.map((task) => String((task as { title?: unknown }).title ?? ''));
  };
  const mine = (titles: string[]) => titles.filter((title) => title.toLowerCase().includes(me.marker));

  const before = user ? mine(await listTasks()).length : 0;
  if (user) {
    if (before === 0) throw new SmokeFailure(`the task of the earlier run (marker ${me.marker}) is gone.`);
    steps.push(`the earlier run's task (marker ${me.marker}) is still listed`);
  }
  const turn = await call(
    `${base}/api/chat`,
    {
      method: 'POST',
      origin,
      cookie,
      body: JSON.stringify({ message: `add a task to check smoke ${me.marker}`, client_message_id: randomUUID() }),
    },
    'POST /api/chat',
  );
  const reply = JSON.parse(await expectOk(turn, 'POST /api/chat')) as { response?: unknown };
  if (typeof reply.response !== 'string' || reply.response.trim() === '')
    throw new SmokeFailure('the chat turn answered no reply.');
  steps.push(`chat turn answered: ${reply.response}`);
  const found = mine(await listTasks());
  if (found.length !== before + 1)
    throw new SmokeFailure(`expected ${before + 1} task(s) with marker ${me.marker}, found ${found.length}.`);
  steps.push(`task listed: ${found.at(-1)}`);
  return { user: me, steps };
}
