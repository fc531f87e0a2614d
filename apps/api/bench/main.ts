/**
 * The api's performance bench (issue 16): each scenario starts the built servers as their own processes
 * on a database of the run's own, drives concurrent clients at them, and reads each server's CPU from
 * its own account (the api's /metrics, the floor's /usage, /proc for the web). See the README.
 *
 *   npm run bench                                  build api and web, run every scenario (< 3 min)
 *   npm run bench:smoke                            2 turns per scenario, 10 in all (needs the builds)
 *   npm run bench -- --only agent,floor --latency 300     some scenarios, model latency per call in ms
 *   BENCH_API_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" npm run bench -- --only agent
 *   BENCH_WEB_NODE_OPTIONS=… the same for the web server of the bff scenario
 *   BENCH_API_ENTRY=/elsewhere/apps/api/dist/main.js npm run bench -w apps/api   (another build of the api)
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { TestIssuer } from '../test/support/auth.js';
import { agentTurns } from './scenarios/agent.js';
import { bffTurns } from './scenarios/bff.js';
import type { BenchContext, Scenario } from './scenarios/context.js';
import { floorTurns } from './scenarios/floor.js';
import { offlineTurns } from './scenarios/offline.js';
import { taskLists } from './scenarios/tasks.js';
import { API_ENTRY, createDatabase } from './support/processes.js';
import { compareWithFloor, printReport, type ScenarioResult } from './support/report.js';

const DEFAULT_SERVER_URL = 'postgresql://postgres@127.0.0.1:5432/test';
const SLOW_MODEL_MS = 1000;

/** 20 conversations for CPU per turn; 100 with a 1 s model for the p99 overhead. */
function fullPlan(modelMs: number): Scenario[] {
  // Turns with a model: clients spread over one turn's model time (two calls).
  const withModel = (clients: number, warmup: number, turns: number, ms: number) => ({
    plan: { clients, warmup, turns, rampMs: 2 * ms },
    modelMs: ms,
  });
  return [
    { name: 'agent', ...withModel(20, 2, 10, modelMs), run: agentTurns },
    { name: 'agent_1s', ...withModel(100, 1, 3, SLOW_MODEL_MS), run: agentTurns },
    { name: 'offline', plan: { clients: 20, warmup: 3, turns: 20 }, modelMs: 0, run: offlineTurns },
    { name: 'tasks', plan: { clients: 20, warmup: 5, turns: 50 }, modelMs: 0, run: taskLists },
    { name: 'bff', ...withModel(20, 2, 5, modelMs), run: bffTurns },
    { name: 'floor', ...withModel(20, 2, 10, modelMs), run: floorTurns('plain') },
    { name: 'floor_1s', ...withModel(100, 1, 3, SLOW_MODEL_MS), run: floorTurns('plain') },
    { name: 'floor_agents', ...withModel(20, 2, 10, modelMs), run: floorTurns('agents') },
  ];
}

/** Every kind of scenario once, 2 turns each (10 in all): proves the bench still runs, measures nothing. */
const smokePlan = (modelMs: number): Scenario[] =>
  fullPlan(modelMs)
    .filter((scenario) => !scenario.name.endsWith('_1s'))
    .map((scenario) => ({ ...scenario, plan: { clients: 2, warmup: 0, turns: 1 } }));

function readOptions() {
  const { values } = parseArgs({
    options: {
      smoke: { type: 'boolean', default: false },
      only: { type: 'string' },
      latency: { type: 'string' },
    },
  });
  const modelMs = Number(values.latency ?? (values.smoke ? 10 : 100));
  if (!Number.isInteger(modelMs) || modelMs < 0) throw new Error(`--latency must be a whole number of ms`);
  const plan = (values.smoke ? smokePlan : fullPlan)(modelMs);
  const only = values.only?.split(',');
  const unknown = only?.filter((name) => !plan.some((scenario) => scenario.name === name));
  if (unknown?.length) throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${plan.map((s) => s.name)}`);
  return {
    smoke: values.smoke,
    modelMs,
    scenarios: only ? plan.filter((scenario) => only.includes(scenario.name)) : plan,
  };
}

const commit = () => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};

async function main(): Promise<void> {
  const options = readOptions();
  const started = performance.now();
  // Other work on the machine shows in every figure: the load when the run started goes with them.
  const load = Math.round(loadavg()[0]! * 10) / 10;
  const database = await createDatabase(process.env.DATABASE_URL ?? DEFAULT_SERVER_URL);
  const issuer = await TestIssuer.start();
  // Ctrl-C reaches the servers too (same process group); the database is dropped before leaving.
  process.once('SIGINT', () => void database.drop().finally(() => process.exit(130)));
  const context: BenchContext = { databaseUrl: database.url, issuer };
  const results: ScenarioResult[] = [];
  try {
    for (const scenario of options.scenarios) {
      console.log(`${scenario.name}: ${scenario.plan.clients} clients × ${scenario.plan.turns} turns`);
      results.push(await scenario.run(context, scenario));
    }
  } finally {
    await issuer.close();
    await database.drop();
  }
  compareWithFloor(results);
  printReport(results, {
    commit: commit(),
    api: API_ENTRY,
    smoke: options.smoke,
    model_ms: options.modelMs,
    cpus: availableParallelism(),
    load,
    node: process.version,
    seconds: Math.round((performance.now() - started) / 1000),
  });
  if (results.some((result) => result.errors > 0)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
