import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { docker, images, publishedPort, REPO_ROOT } from './support/docker.js';
import { ContainerIssuer, ISSUER } from './support/resilience-issuer.js';
import { RoundRobinProxy, type Backend } from './support/resilience-proxy.js';

/**
 * SC-013, SC-026, SC-027 with the real images: api replicas killed under chat load, a database outage,
 * and replicas migrating an empty database together.
 */
const { API_IMAGE, POSTGRES_IMAGE } = images();
const RUN = `resilience-${randomBytes(3).toString('hex')}`;
const NETWORK = `${RUN}-net`;
const PG = `${RUN}-pg`;
const PG_PASSWORD = 'resilience';
const DB = 'todo';
const API_PORT = 8000;
/** The hardening of compose and the Helm chart. No restart policy: the kill test restarts containers itself. */
const HARDENING = [
  '--read-only',
  '--tmpfs',
  '/tmp',
  '--user',
  '1000:1000',
  '--cap-drop',
  'ALL',
  '--security-opt',
  'no-new-privileges',
];

const CONVERSATIONS = 50;
/** Turns of a conversation: at least MIN_TURNS, more while replicas are being killed (one page of messages at most). */
const MIN_TURNS = 5;
const MAX_TURNS = 20;
const CONCURRENCY = 10;
const MAX_ATTEMPTS = 30;
const KILLS = 3;
const FIRST_KILL_MS = 500;
const KILL_EVERY_MS = 3000;
const DOWN_FOR_MS = 1500;
const OUTAGE_MS = 10_000;
const POLL_MS = 500;
const RECOVERY_BUDGET_MS = 30_000;

interface ChatReply {
  conversation_id: string;
  response: string;
}
interface MessageView {
  role: 'user' | 'assistant';
  content: string;
  client_message_id: string | null;
}
interface TaskView {
  title: string;
}
interface SentTurn {
  message: string;
  clientMessageId: string;
  title: string;
}
interface DrivenConversation {
  token: string;
  conversationId: string;
  turns: SentTurn[];
}

const dbUrl = (database: string) => `postgresql://postgres:${PG_PASSWORD}@${PG}:5432/${database}`;

async function run(name: string, ...args: string[]): Promise<void> {
  await docker('run', '-d', '--name', name, '--label', RUN, '--network', NETWORK, ...args);
}

async function waitForPostgres(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await docker('exec', PG, 'pg_isready', '-U', 'postgres', '-h', '127.0.0.1', '-d', DB);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(250);
    }
  }
}

async function startApi(name: string, database: string, jwksUrl: string): Promise<Backend> {
  await run(
    name,
    ...HARDENING,
    '-p',
    `127.0.0.1::${API_PORT}`,
    '-e',
    `DATABASE_URL=${dbUrl(database)}`,
    '-e',
    `BETTER_AUTH_URL=${ISSUER}`,
    '-e',
    `AUTH_JWKS_URL=${jwksUrl}`,
    '-e',
    'LOG_LEVEL=warn',
    API_IMAGE,
  );
  return { container: name, port: await publishedPort(name, API_PORT) };
}

/** The HTTP status, or 0 when nothing answered in time. */
async function statusOf(url: string): Promise<number> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

async function waitReady(backend: Backend, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await statusOf(`http://127.0.0.1:${backend.port}/ready`)) !== 200) {
    if (Date.now() > deadline) throw new Error(`${backend.container} was not ready within ${timeoutMs} ms`);
    await sleep(250);
  }
}

async function getJson<T>(backend: Backend, path: string, token: string): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${backend.port}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Letters only: digits in a title could read as a date or a time to the offline engine. */
const letters = (n: number): string =>
  n.toString(26).replace(/./g, (digit) => String.fromCharCode(97 + parseInt(digit, 26)));

/** One attempt of a chat turn: the reply, or undefined when it is worth retrying (no answer, cut off, 5xx). */
async function attemptTurn(url: string, token: string, body: string): Promise<ChatReply | undefined> {
  let status: number;
  let text: string;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(15_000),
    });
    status = response.status;
    text = await response.text();
  } catch {
    return undefined;
  }
  if (status >= 500) return undefined;
  if (status !== 200) throw new Error(`POST /api/chat answered ${status}: ${text}`);
  return JSON.parse(text) as ChatReply;
}

interface LoadStats {
  attempts: number;
}

/** What a client does: send the same request (same client_message_id) again until it succeeds. */
async function chatTurnWithRetries(
  proxy: RoundRobinProxy,
  token: string,
  request: object,
  stats: LoadStats,
): Promise<ChatReply> {
  const body = JSON.stringify(request);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    stats.attempts++;
    const reply = await attemptTurn(`${proxy.url}/api/chat`, token, body);
    if (reply) return reply;
    await sleep(Math.min(100 * attempt, 1000));
  }
  throw new Error(`a chat turn failed ${MAX_ATTEMPTS} times: ${body}`);
}

/** One user's conversation of "add a task" turns: MIN_TURNS, and more (up to MAX_TURNS) while `underFire`. */
async function driveConversation(
  index: number,
  issuer: ContainerIssuer,
  proxy: RoundRobinProxy,
  stats: LoadStats,
  underFire: () => boolean,
): Promise<DrivenConversation> {
  const token = await issuer.token(`${RUN}-user-${index}`);
  const turns: SentTurn[] = [];
  let conversationId: string | undefined;
  for (let turn = 0; turn < MIN_TURNS || (underFire() && turn < MAX_TURNS); turn++) {
    const title = `Errand q${letters(index * MAX_TURNS + turn)}`;
    const sent = { message: `add a task to ${title}`, clientMessageId: randomUUID(), title };
    const reply = await chatTurnWithRetries(
      proxy,
      token,
      { conversation_id: conversationId, message: sent.message, client_message_id: sent.clientMessageId },
      stats,
    );
    conversationId ??= reply.conversation_id;
    expect(reply.conversation_id).toBe(conversationId);
    turns.push(sent);
  }
  return { token, conversationId: conversationId!, turns };
}

/** Runs work(0..count-1), `concurrency` at a time. */
async function inPool<T>(count: number, concurrency: number, work: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      results[index] = await work(index);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

/**
 * Kills an api container KILLS times, alternating, every KILL_EVERY_MS, each started again DOWN_FOR_MS later;
 * returns how many kills came while `underLoad`. The clients keep talking until it is done, so however fast
 * the api is, the kills land under load.
 */
async function killRepeatedly(backends: Backend[], underLoad: () => boolean): Promise<number> {
  let nextKill = Date.now() + FIRST_KILL_MS;
  let kills = 0;
  let killsUnderLoad = 0;
  while (kills < KILLS) {
    await sleep(Math.max(0, nextKill - Date.now()));
    const target = backends[kills % backends.length]!;
    nextKill = Date.now() + KILL_EVERY_MS;
    if (underLoad()) killsUnderLoad++;
    await docker('kill', target.container);
    kills++;
    await sleep(DOWN_FOR_MS);
    await docker('start', target.container);
    // Docker may publish a started container on another host port.
    target.port = await publishedPort(target.container, API_PORT);
  }
  return killsUnderLoad;
}

/** The conversation as the api stored it, in the shape it must have: every turn once, answered once. */
async function storedConversation(backend: Backend, conversation: DrivenConversation) {
  const messages = await getJson<MessageView[]>(
    backend,
    `/api/conversations/${conversation.conversationId}/messages`,
    conversation.token,
  );
  const tasks = await getJson<TaskView[]>(backend, '/api/tasks?limit=200', conversation.token);
  return {
    roles: messages.map((message) => message.role),
    userMessages: messages.filter((message) => message.role === 'user').map((m) => [m.content, m.client_message_id]),
    taskTitles: tasks.map((task) => task.title).sort(),
  };
}

function expectedConversation(conversation: DrivenConversation) {
  return {
    roles: conversation.turns.flatMap(() => ['user', 'assistant']),
    userMessages: conversation.turns.map((turn) => [turn.message, turn.clientMessageId]),
    taskTitles: conversation.turns.map((turn) => turn.title).sort(),
  };
}

interface ContainerState {
  restarts: number;
  startedAt: string;
  running: boolean;
}

async function stateOf(container: string): Promise<ContainerState> {
  const [restarts, startedAt, running] = (
    await docker('inspect', '--format', '{{.RestartCount}} {{.State.StartedAt}} {{.State.Running}}', container)
  ).split(' ');
  return { restarts: Number(restarts), startedAt: startedAt!, running: running === 'true' };
}

interface ProbeSample {
  container: string;
  ready: number;
  health: number;
}

/** Probes every backend's /ready and /health each POLL_MS until `until`. */
async function probeUntil(until: number, backends: Backend[]): Promise<ProbeSample[]> {
  const samples: ProbeSample[] = [];
  while (Date.now() + POLL_MS < until) {
    const tick = sleep(POLL_MS);
    for (const backend of backends) {
      const base = `http://127.0.0.1:${backend.port}`;
      const [ready, health] = await Promise.all([statusOf(`${base}/ready`), statusOf(`${base}/health`)]);
      samples.push({ container: backend.container, ready, health });
    }
    await tick;
  }
  return samples;
}

function valueOf<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}

async function removeEverything(): Promise<void> {
  const containers = (await docker('ps', '-aq', '--filter', `label=${RUN}`)).split('\n').filter(Boolean);
  if (containers.length) await docker('rm', '-f', '-v', ...containers);
  if (await docker('network', 'ls', '-q', '--filter', `name=^${NETWORK}$`)) await docker('network', 'rm', NETWORK);
}

describe('resilience in containers', () => {
  let issuer: ContainerIssuer;
  let proxy: RoundRobinProxy;
  const backends: Backend[] = [];

  beforeAll(async () => {
    await docker('network', 'create', '--label', RUN, NETWORK);
    const gateway = await docker('network', 'inspect', '--format', '{{(index .IPAM.Config 0).Gateway}}', NETWORK);
    issuer = await ContainerIssuer.start(gateway);
    // SIGINT (fast shutdown), as the official image's STOPSIGNAL: SIGTERM would wait for the api's pooled sessions.
    await run(
      PG,
      '--stop-signal',
      'SIGINT',
      '-e',
      `POSTGRES_PASSWORD=${PG_PASSWORD}`,
      '-e',
      `POSTGRES_DB=${DB}`,
      POSTGRES_IMAGE,
    );
    await waitForPostgres(60_000);
    await docker(
      'run',
      '--rm',
      '--label',
      RUN,
      '--network',
      NETWORK,
      ...HARDENING,
      '-e',
      `DATABASE_URL=${dbUrl(DB)}`,
      API_IMAGE,
      'node',
      'dist/migrate.js',
    );
    for (const replica of [1, 2]) backends.push(await startApi(`${RUN}-api-${replica}`, DB, issuer.jwksUrl));
    await Promise.all(backends.map((backend) => waitReady(backend, 60_000)));
    proxy = await RoundRobinProxy.start(backends);
  }, 180_000);

  afterAll(async () => {
    await proxy?.close();
    await issuer?.close();
    await removeEverything();
  }, 60_000);

  test('killing api replicas under chat load loses and duplicates nothing (SC-013, SC-026)', async () => {
    const stats: LoadStats = { attempts: 0 };
    const started = Date.now();
    let killing = true;
    let talking = true;
    const killer = killRepeatedly(backends, () => talking).finally(() => {
      killing = false;
    });
    const clients = inPool(CONVERSATIONS, CONCURRENCY, (index) =>
      driveConversation(index, issuer, proxy, stats, () => killing),
    ).finally(() => {
      talking = false;
    });
    // allSettled: when the clients fail, the killer still starts its last victim again before we go on.
    const [clientsDone, killerDone] = await Promise.allSettled([clients, killer]);
    const driven = valueOf(clientsDone);
    const killsUnderLoad = valueOf(killerDone);
    const wallMs = Date.now() - started;
    const turns = driven.reduce((sum, conversation) => sum + conversation.turns.length, 0);
    console.log(
      `kill test: ${turns} turns, ${stats.attempts - turns} retries, ${killsUnderLoad} of ${KILLS} kills under load, ${wallMs} ms`,
    );

    await Promise.all(backends.map((backend) => waitReady(backend, 60_000)));
    const stored = await Promise.all(driven.map((conversation) => storedConversation(backends[0]!, conversation)));
    expect(stored).toEqual(driven.map(expectedConversation));
    // The test proves something only if replicas died under load and clients had to retry.
    expect(killsUnderLoad).toBeGreaterThanOrEqual(2);
    expect(stats.attempts).toBeGreaterThan(turns);
  }, 240_000);

  test('a database outage fails readiness, not liveness, and restarts nothing (SC-027)', async () => {
    const before = await Promise.all(backends.map((backend) => stateOf(backend.container)));
    await docker('stop', PG);
    const samples = await probeUntil(Date.now() + OUTAGE_MS, backends);
    const restartedAt = Date.now();
    await docker('start', PG);
    await Promise.all(backends.map((backend) => waitReady(backend, RECOVERY_BUDGET_MS)));
    const recoveryMs = Date.now() - restartedAt;
    console.log(
      `database outage: ${samples.length} probes during ${OUTAGE_MS} ms; /ready back to 200 ${recoveryMs} ms after docker start`,
    );

    expect(samples.length).toBeGreaterThanOrEqual(backends.length * 10);
    expect(samples.filter((sample) => sample.ready !== 503 || sample.health !== 200)).toEqual([]);
    const after = await Promise.all(backends.map((backend) => stateOf(backend.container)));
    expect(after).toEqual(before.map((state) => ({ ...state, restarts: 0, running: true })));
    expect(recoveryMs).toBeLessThan(RECOVERY_BUDGET_MS);
  }, 120_000);

  test('three replicas starting together on an empty database migrate it once', async () => {
    const freshDb = 'fresh';
    await docker('exec', PG, 'createdb', '-U', 'postgres', freshDb);
    const started = Date.now();
    const replicas = await Promise.all(
      [1, 2, 3].map((replica) => startApi(`${RUN}-fresh-${replica}`, freshDb, issuer.jwksUrl)),
    );
    await Promise.all(replicas.map((replica) => waitReady(replica, 90_000)));
    console.log(`3 api replicas on an empty database: all ready ${Date.now() - started} ms after docker run`);

    const migrations = readdirSync(`${REPO_ROOT}apps/api/src/migrations`).filter((file) =>
      /^Migration\d+\.ts$/.test(file),
    );
    const rows = await docker(
      'exec',
      PG,
      'psql',
      '-U',
      'postgres',
      '-d',
      freshDb,
      '-tAc',
      'select count(*), count(distinct name) from mikro_orm_migrations',
    );
    expect(rows).toBe(`${migrations.length}|${migrations.length}`);
    const states = await Promise.all(replicas.map((replica) => stateOf(replica.container)));
    expect(states.every((state) => state.running && state.restarts === 0)).toBe(true);
  }, 180_000);
});
