import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { existsSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { clusterHome } from '@todo-chatbot/api/embedded-postgres';
import { freePort } from '@todo-chatbot/api/free-port';
import { isAlive, processTree, signalAll, waitUntilGone } from '@todo-chatbot/testing/os-processes';
import { spawnNode } from '@todo-chatbot/testing/processes';
import { PGLITE_FIXTURE, restorePgliteFixture } from './support/pglite-fixture.js';
import { call, npmStart, signIn, signUp, START_SCRIPT, type StartedApp, type Visitor } from './support/npm-start.js';

/**
 * `npm start` as a new user runs it: no DATABASE_URL, so the embedded PostgreSQL 17, real processes,
 * and the web app's BFF called the way a signed-in page calls it.
 */
const PASSWORD = 'correct-horse-battery';
const dataHomes: string[] = [];
const running: StartedApp[] = [];

function newDataHome(): string {
  const dataHome = mkdtempSync(join(tmpdir(), 'todo-npm-start-'));
  dataHomes.push(dataHome);
  return dataHome;
}

async function start(dataHome: string): Promise<StartedApp> {
  const app = await npmStart(dataHome);
  running.push(app);
  return app;
}

afterAll(async () => {
  for (const app of running) {
    signalAll(processTree(app.postmaster), 'SIGCONT');
    await app.stop('SIGTERM');
  }
  for (const dataHome of dataHomes) {
    rmSync(clusterHome(dataHome), { recursive: true, force: true });
    rmSync(dataHome, { recursive: true, force: true });
  }
});

/** Paths under `path` whose mode has group or other bits (symbolic links aside). */
function widerThanOwner(path: string, except: string[] = []): string[] {
  const stat = lstatSync(path);
  const here =
    !stat.isSymbolicLink() && stat.mode & 0o077 && !except.includes(path)
      ? [`${path} ${(stat.mode & 0o777).toString(8)}`]
      : [];
  const below = stat.isDirectory()
    ? readdirSync(path).flatMap((entry) => widerThanOwner(join(path, entry), except))
    : [];
  return [...here, ...below];
}

async function timedCall(app: StartedApp, visitor: Visitor, path: string, body?: object) {
  const started = Date.now();
  const response = await call(app.webUrl, visitor.cookie, path, body);
  const { message } = (await response.json()) as { message?: string };
  return { status: response.status, ms: Date.now() - started, message };
}

describe('npm start on the embedded PostgreSQL', () => {
  let app: StartedApp;
  let visitors: Visitor[];

  beforeAll(async () => {
    app = await start(newDataHome());
    visitors = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        signUp(app.webUrl, `visitor${i}-${randomUUID().slice(0, 8)}@example.test`, PASSWORD),
      ),
    );
  });

  test("a browser's concurrency: 60 BFF calls and 12 chat turns at once all succeed, and exactly the created rows exist", async () => {
    const calls: Array<{ what: string; expected: number; run: () => Promise<Response> }> = [];
    const created = new Map<string, string[]>(visitors.map((visitor) => [visitor.email, []]));
    const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'];
    for (const [v, visitor] of visitors.entries()) {
      for (let i = 0; i < 6; i += 1)
        calls.push({ what: 'task list', expected: 200, run: () => call(app.webUrl, visitor.cookie, '/api/tasks') });
      for (let i = 0; i < 3; i += 1)
        calls.push({
          what: 'conversations',
          expected: 200,
          run: () => call(app.webUrl, visitor.cookie, '/api/conversations'),
        });
      for (let i = 0; i < 6; i += 1) {
        const title = `task ${i} of ${visitor.email}`;
        created.get(visitor.email)!.push(title);
        calls.push({
          what: 'create',
          expected: 201,
          run: () => call(app.webUrl, visitor.cookie, '/api/tasks', { title }),
        });
      }
      for (let i = 0; i < 3; i += 1) {
        const title = `Feed the cat ${words[i]} ${words[v]}`;
        created.get(visitor.email)!.push(title);
        const body = { message: `add a task to ${title}`, client_message_id: randomUUID(), time_zone: 'UTC' };
        calls.push({
          what: 'chat turn',
          expected: 200,
          run: () => call(app.webUrl, visitor.cookie, '/api/chat', body),
        });
      }
    }
    expect(calls.filter((c) => c.what !== 'chat turn')).toHaveLength(60);
    expect(calls.filter((c) => c.what === 'chat turn')).toHaveLength(12);

    const started = Date.now();
    const answers = await Promise.all(
      calls.map(async (c) => {
        const response = await c.run();
        return { what: c.what, expected: c.expected, status: response.status, body: await response.text() };
      }),
    );
    const failures = answers.filter((answer) => answer.status !== answer.expected);
    console.log(
      `${answers.length} concurrent BFF calls (60 reads and creates, 12 chat turns): ${answers.length - failures.length} succeeded, ${failures.length} failed, in ${Date.now() - started} ms`,
    );
    expect(failures).toEqual([]);

    for (const visitor of visitors) {
      const tasks = (await (await call(app.webUrl, visitor.cookie, '/api/tasks?limit=200')).json()) as {
        title: string;
      }[];
      expect(tasks.map((task) => task.title.toLowerCase()).sort()).toEqual(
        created
          .get(visitor.email)!
          .map((title) => title.toLowerCase())
          .sort(),
      );
      const conversations = (await (await call(app.webUrl, visitor.cookie, '/api/conversations')).json()) as unknown[];
      expect(conversations).toHaveLength(3);
    }
    const db = new pg.Client({ connectionString: app.databaseUrl() });
    await db.connect();
    const counts = await db.query<{ tasks: number; conversations: number; messages: number }>(
      'select (select count(*) from tasks)::int as tasks, (select count(*) from conversations)::int as conversations, (select count(*) from messages)::int as messages',
    );
    await db.end();
    expect(counts.rows[0]).toEqual({ tasks: 36, conversations: 12, messages: 24 });
  });

  test('a database that hangs (SIGSTOP): 503 with a sentence within 10 s, never 401, readiness false; after SIGCONT, 200 again', async () => {
    const [visitor] = visitors;
    expect((await call(app.webUrl, visitor!.cookie, '/api/tasks')).status).toBe(200);
    const server = processTree(app.postmaster);
    signalAll(server, 'SIGSTOP');
    try {
      const during = await Promise.all([
        timedCall(app, visitor!, '/api/tasks'),
        timedCall(app, visitor!, '/api/tasks', { title: 'while the database hangs' }),
        timedCall(app, visitor!, '/api/chat', { message: 'add a task to wait', client_message_id: randomUUID() }),
        (async () => {
          const started = Date.now();
          const response = await fetch(`${app.webUrl}/api/ready`);
          return {
            status: response.status,
            ms: Date.now() - started,
            message: ((await response.json()) as { message?: string }).message,
          };
        })(),
      ]);
      console.log(
        `while the database hung: ${during.map((answer) => `${answer.status} after ${answer.ms} ms`).join(', ')}`,
      );
      for (const answer of during) {
        expect(answer.status).toBe(503);
        expect(answer.message).toMatch(/database unavailable/);
        expect(answer.ms).toBeLessThan(10_000);
      }
    } finally {
      signalAll(server, 'SIGCONT');
    }
    const deadline = Date.now() + 15_000;
    let ready = 0;
    while (ready !== 200 && Date.now() < deadline) {
      ready = (await fetch(`${app.webUrl}/api/ready`)).status;
      if (ready !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(ready).toBe(200);
    expect((await call(app.webUrl, visitor!.cookie, '/api/tasks')).status).toBe(200);
    expect((await call(app.webUrl, visitor!.cookie, '/api/tasks', { title: 'after the hang' })).status).toBe(201);
  });

  test('a request without a session is 401 "sign in first"; a valid one is never told to sign in', async () => {
    const anonymous = await fetch(`${app.webUrl}/api/tasks`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ statusCode: 401, message: 'sign in first' });
    expect((await call(app.webUrl, 'better-auth.session_token=forged.value', '/api/tasks')).status).toBe(401);
  });

  test('.data and the database files are readable by their owner only', () => {
    expect(widerThanOwner(app.dataHome)).toEqual([]);
    const home = clusterHome(app.dataHome);
    // As root the cluster's home is root:postgres 0710 so that the postgres user can pass through it.
    expect(widerThanOwner(home, home === app.dataHome ? [] : [home])).toEqual([]);
  });

  test('Ctrl-C stops the apps and then the database: exit 0 and no process left', async () => {
    const processes = app.processes();
    expect(processes).toContain(app.postmaster);
    expect(processes.length).toBeGreaterThanOrEqual(5); // npm start, api, web, the postmaster and its helpers
    const exit = await app.stop('SIGINT');
    expect(exit.code).toBe(0);
    expect(await waitUntilGone(processes, 5000)).toEqual([]);
    expect(existsSync(join(app.dataDir, 'postmaster.pid'))).toBe(false);
  });
});

describe('npm start after a crash, with old data, and with a port taken', () => {
  test('after kill -9 of everything (a stale postmaster.pid) it starts cleanly, with the data and the sessions', async () => {
    const dataHome = newDataHome();
    const first = await start(dataHome);
    const visitor = await signUp(first.webUrl, `crash-${randomUUID().slice(0, 8)}@example.test`, PASSWORD);
    expect((await call(first.webUrl, visitor.cookie, '/api/tasks', { title: 'written before the crash' })).status).toBe(
      201,
    );
    const processes = first.processes();
    signalAll(processes, 'SIGKILL');
    expect(await waitUntilGone(processes, 5000)).toEqual([]);
    expect(existsSync(join(first.dataDir, 'postmaster.pid'))).toBe(true);

    const second = await start(dataHome);
    expect(isAlive(second.postmaster)).toBe(true);
    const tasks = (await (await call(second.webUrl, visitor.cookie, '/api/tasks')).json()) as { title: string }[];
    expect(tasks.map((task) => task.title)).toEqual(['written before the crash']);
    expect((await second.stop()).code).toBe(0);
  });

  test('the data of the earlier PGlite version is imported once: accounts, sessions, tasks and conversations', async () => {
    const dataHome = newDataHome();
    await restorePgliteFixture(dataHome);
    const first = await start(dataHome);
    expect(first.process.output()).toMatch(
      /imported the earlier embedded database \(9 tables, \d+ rows\); the old files are kept in .*pglite\.imported-/,
    );
    const check = async (app: StartedApp) => {
      for (const user of PGLITE_FIXTURE.users) {
        const tasks = (await (await call(app.webUrl, user.sessionCookie, '/api/tasks')).json()) as { title: string }[];
        expect(tasks.map((task) => task.title).sort()).toEqual([...user.tasks].sort());
        const conversations = (await (await call(app.webUrl, user.sessionCookie, '/api/conversations')).json()) as {
          title: string;
        }[];
        expect(conversations.map((conversation) => conversation.title)).toEqual(user.conversations);
        expect((await signIn(app.webUrl, user.email, PGLITE_FIXTURE.password)).status).toBe(200);
      }
    };
    await check(first);
    expect(readdirSync(dataHome).filter((entry) => entry.startsWith('pglite'))).toEqual([
      expect.stringMatching(/^pglite\.imported-/),
    ]);
    expect(widerThanOwner(dataHome)).toEqual([]); // PGlite had left its files (session tokens) world-readable
    expect((await first.stop()).code).toBe(0);

    const second = await start(dataHome);
    expect(second.process.output()).not.toContain('imported');
    await check(second);
    expect((await second.stop()).code).toBe(0);
  });

  test('a port already in use is one sentence naming it, and exit 1', async () => {
    const port = await freePort();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, resolve));
    try {
      const exit = await spawnNode(START_SCRIPT, {
        DATA_DIR: newDataHome(),
        WEB_PORT: String(port),
        API_PORT: String(await freePort()),
      }).exited;
      expect(exit.code).toBe(1);
      expect(exit.stderr).toBe(
        `Port ${port} is already in use (another npm start?): stop what uses it, or set WEB_PORT to a free port.\n`,
      );
    } finally {
      blocker.close();
    }
  });
});
