/**
 * Chat load bench: the built api (dist/main.js) as its own process against a fresh PostgreSQL
 * database, a mock LLM with a fixed latency, and N concurrent clients each sending T turns in its own
 * conversation. The api's overhead is a turn's latency minus the time the mock spent on its requests.
 *
 *   npm run bench:chat -- --clients 100 --turns 5 --latency 300      (in apps/api)
 *   npm run bench:chat -- -- --clients 10                            (at the root, which builds first)
 *   BENCH_API_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" npm run bench:chat   (profile the api)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { freePort } from '../src/common/free-port.js';
import { TEST_AUDIENCE, TEST_ISSUER, TestIssuer } from '../test/support/auth.js';
import { addTaskScript, startMockLlm, textOf, type MockLlm } from '../test/support/mock-llm.js';

const DEFAULT_SERVER_URL = 'postgresql://postgres@127.0.0.1:5432/test';
const API_ENTRY = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const READY_TIMEOUT_MS = 30_000;
/** Turns sent before measuring: the first ones fetch the JWKS, open pools and warm the JIT. */
const WARMUP_TURNS = 5;

interface Settings {
  clients: number;
  turns: number;
  latencyMs: number;
}

interface TurnSample {
  message: string;
  latencyMs: number;
  ok: boolean;
}

function readSettings(): Settings {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '100' },
      turns: { type: 'string', default: '5' },
      latency: { type: 'string', default: '300' },
    },
  });
  const integerAtLeast = (name: string, raw: string, min: number) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer ≥ ${min}, got ${raw}`);
    return value;
  };
  return {
    clients: integerAtLeast('clients', values.clients, 1),
    turns: integerAtLeast('turns', values.turns, 1),
    latencyMs: integerAtLeast('latency', values.latency, 0),
  };
}

async function admin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A database of the bench's own on the server, so its rows never mix with anything else. */
async function createBenchDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `todo_bench_${Date.now()}`;
  await admin(serverUrl, (client) => client.query(`create database "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      admin(serverUrl, (client) => client.query(`drop database if exists "${name}" with (force)`)).then(
        () => undefined,
      ),
  };
}

async function waitUntilReady(baseUrl: string, api: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error(`the api exited with code ${api.exitCode} while starting`);
    const ready = await fetch(`${baseUrl}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the api was not ready within ${READY_TIMEOUT_MS} ms`);
}

/** The built api as production runs it, in its own process so the bench's load does not share its event loop. */
async function startApi(
  databaseUrl: string,
  issuer: TestIssuer,
  mock: MockLlm,
): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const api = spawn(process.execPath, [API_ENTRY], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      BETTER_AUTH_URL: TEST_ISSUER,
      AUTH_JWKS_URL: issuer.jwksUrl,
      NODE_OPTIONS: process.env.BENCH_API_NODE_OPTIONS,
      AUTH_AUDIENCE: TEST_AUDIENCE,
      LLM_BASE_URL: mock.baseUrl,
      LLM_MODEL: 'mock-model',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (api.exitCode !== null) return;
    const exited = new Promise((resolve) => api.once('exit', resolve));
    api.kill('SIGTERM');
    await exited;
  };
  try {
    await waitUntilReady(url, api);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

/** One turn, timed end to end from the client's side; ok when the api stored a successful add_task. */
async function sendTurn(apiUrl: string, token: string, message: string, conversationId?: string) {
  const started = performance.now();
  try {
    const response = await fetch(`${apiUrl}/api/chat`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        message,
        client_message_id: randomUUID(),
        ...(conversationId ? { conversation_id: conversationId } : {}),
      }),
    });
    const body = (await response.json()) as { conversation_id?: string; tool_calls?: Array<{ is_error: boolean }> };
    const ok = response.status === 200 && body.tool_calls?.length === 1 && !body.tool_calls[0]!.is_error;
    return { sample: { message, latencyMs: performance.now() - started, ok }, conversationId: body.conversation_id };
  } catch {
    return { sample: { message, latencyMs: performance.now() - started, ok: false }, conversationId };
  }
}

/** A client: its own user and conversation, turns one after another as a person would send them. */
async function runClient(apiUrl: string, token: string, label: string, turns: number): Promise<TurnSample[]> {
  const samples: TurnSample[] = [];
  let conversationId: string | undefined;
  for (let turn = 0; turn < turns; turn += 1) {
    const result = await sendTurn(apiUrl, token, `add bench task ${label} turn ${turn}`, conversationId);
    samples.push(result.sample);
    conversationId = result.conversationId;
  }
  return samples;
}

/** Time the mock spent per turn, keyed by the turn's user message (the last user message it was sent). */
function mockTimeByTurn(mock: MockLlm): Map<string, number> {
  const byTurn = new Map<string, number>();
  for (const { body, durationMs } of mock.requests) {
    const message = textOf(body.messages.findLast((m) => m.role === 'user')?.content);
    byTurn.set(message, (byTurn.get(message) ?? 0) + durationMs);
  }
  return byTurn;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

function distribution(values: number[]): { p50: number; p95: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

function report(settings: Settings, samples: TurnSample[], mock: MockLlm, wallMs: number): void {
  const mockTime = mockTimeByTurn(mock);
  const completed = samples.filter((s) => s.ok);
  const latency = distribution(completed.map((s) => s.latencyMs));
  const overhead = distribution(completed.map((s) => s.latencyMs - (mockTime.get(s.message) ?? 0)));
  const result = {
    ...settings,
    turns_total: samples.length,
    errors: samples.length - completed.length,
    turns_per_s: round(completed.length / (wallMs / 1000)),
    latency_ms: latency,
    overhead_ms: overhead,
  };
  const row = (name: string, d: typeof latency) =>
    `${name.padEnd(14)}${[d.p50, d.p95, d.p99, d.max].map((v) => String(v).padStart(9)).join('')}`;
  console.log(
    `\n${settings.clients} clients × ${settings.turns} turns, mock latency ${settings.latencyMs} ms per model call`,
  );
  console.log(`${''.padEnd(14)}${['p50', 'p95', 'p99', 'max'].map((h) => h.padStart(9)).join('')}`);
  console.log(row('latency ms', latency));
  console.log(row('overhead ms', overhead));
  console.log(`errors ${result.errors} of ${result.turns_total}, ${result.turns_per_s} turns/s\n`);
  console.log(JSON.stringify(result));
}

async function bench(settings: Settings, apiUrl: string, issuer: TestIssuer, mock: MockLlm): Promise<void> {
  const runId = randomUUID().slice(0, 8);
  const tokens = await Promise.all(
    Array.from({ length: settings.clients }, (_, i) => issuer.token(`bench-${runId}-${i}`, { expiresIn: '1h' })),
  );
  await runClient(apiUrl, await issuer.token(`bench-${runId}-warmup`), 'warmup', WARMUP_TURNS);
  mock.requests.length = 0;
  const started = performance.now();
  const perClient = await Promise.all(tokens.map((token, i) => runClient(apiUrl, token, `c${i}`, settings.turns)));
  report(settings, perClient.flat(), mock, performance.now() - started);
}

async function main(): Promise<void> {
  const settings = readSettings();
  const database = await createBenchDatabase(process.env.DATABASE_URL ?? DEFAULT_SERVER_URL);
  const issuer = await TestIssuer.start();
  const mock = await startMockLlm({ script: addTaskScript, latencyMs: settings.latencyMs });
  try {
    const api = await startApi(database.url, issuer, mock);
    try {
      await bench(settings, api.url, issuer, mock);
    } finally {
      await api.stop();
    }
  } finally {
    await mock.close();
    await issuer.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
