import type { Measured } from './load.js';

export interface Distribution {
  p50: number;
  p95: number;
  p99: number;
}

export interface ScenarioResult {
  name: string;
  clients: number;
  /** Measured requests (turns, or task lists), warm-up excluded. */
  turns: number;
  errors: number;
  /** The mock model's latency per call; 0 when no model is involved. */
  model_ms: number;
  turns_per_s: number;
  /** CPU of the server under test (the api, or the floor) per turn, from its own account. */
  cpu_ms_per_turn: number;
  rss_mb: number;
  latency_ms: Distribution;
  /** Latency minus the time the model took for that turn (as the mock measured it). */
  overhead_ms: Distribution;
  web_cpu_ms_per_turn?: number;
  web_rss_mb?: number;
  /** This scenario's cost as a multiple of the floor comparator's, at the same concurrency. */
  vs_floor?: { cpu: number; overhead_p99: number };
  /** The agent turn's CPU as a multiple of floor_agents': what our code adds to the agent library's own cost. */
  vs_floor_agents?: { cpu: number };
}

const round = (value: number) => Math.round(value * 10) / 10;
const megabytes = (bytes: number) => round(bytes / 2 ** 20);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function distribution(values: number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)) };
}

/**
 * The figures of one scenario. `modelTime` maps a sample's key to the time the model spent on it;
 * the server under test reported as `server`, and the web server (BFF path) as `web`.
 */
export function summarise(
  name: string,
  clients: number,
  modelMs: number,
  { samples, wallMs, usage }: Measured,
  modelTime: (key: string) => number = () => 0,
): ScenarioResult {
  const ok = samples.filter((s) => s.ok);
  const failed = samples.find((s) => !s.ok);
  if (failed) console.error(`${name}: ${samples.length - ok.length} failed, e.g. ${failed.error}`);
  const { server, web } = usage;
  return {
    name,
    clients,
    turns: samples.length,
    errors: samples.length - ok.length,
    model_ms: modelMs,
    turns_per_s: round(ok.length / (wallMs / 1000)),
    cpu_ms_per_turn: round(server!.cpuMs / samples.length),
    rss_mb: megabytes(server!.rssBytes),
    latency_ms: distribution(ok.map((s) => s.latencyMs)),
    overhead_ms: distribution(ok.map((s) => s.latencyMs - modelTime(s.key))),
    ...(web ? { web_cpu_ms_per_turn: round(web.cpuMs / samples.length), web_rss_mb: megabytes(web.rssBytes) } : {}),
  };
}

/** Which floor run each scenario is compared with (same concurrency and model latency). */
const FLOOR_OF: Record<string, string> = {
  agent: 'floor',
  offline: 'floor',
  bff: 'floor',
  agent_1s: 'floor_1s',
  floor_agents: 'floor',
};

export function compareWithFloor(results: ScenarioResult[]): void {
  const named = (name: string | undefined) => results.find((r) => r.name === name);
  for (const result of results) {
    const floor = named(FLOOR_OF[result.name]);
    if (floor) {
      result.vs_floor = {
        cpu: round(result.cpu_ms_per_turn / floor.cpu_ms_per_turn),
        overhead_p99: round(result.overhead_ms.p99 / floor.overhead_ms.p99),
      };
    }
    const libraryFloor = result.name === 'agent' ? named('floor_agents') : undefined;
    if (libraryFloor) result.vs_floor_agents = { cpu: round(result.cpu_ms_per_turn / libraryFloor.cpu_ms_per_turn) };
  }
}

const COLUMNS = [
  'conc',
  'turns',
  'err',
  'model',
  'turns/s',
  'cpu ms',
  '×floor',
  '×lib',
  'rss MB',
  'lat p50',
  'p95',
  'p99',
  'ovh p50',
  'p95',
  'p99',
  '×floor',
  'web cpu',
];

function row(result: ScenarioResult): string[] {
  const { latency_ms: latency, overhead_ms: overhead, vs_floor: floor } = result;
  return [
    result.clients,
    result.turns,
    result.errors,
    result.model_ms,
    result.turns_per_s,
    result.cpu_ms_per_turn,
    floor?.cpu ?? '-',
    result.vs_floor_agents?.cpu ?? '-',
    result.rss_mb,
    latency.p50,
    latency.p95,
    latency.p99,
    overhead.p50,
    overhead.p95,
    overhead.p99,
    floor?.overhead_p99 ?? '-',
    result.web_cpu_ms_per_turn ?? '-',
  ].map(String);
}

/** A table for people, then one `BENCH_JSON {…}` line for comparing commits. */
export function printReport(results: ScenarioResult[], meta: Record<string, unknown>): void {
  const line = (name: string, cells: string[]) => `${name.padEnd(14)}${cells.map((c) => c.padStart(8)).join('')}`;
  console.log('\ncpu ms: CPU per turn of the server under test (api, or floor) from its own metrics;');
  console.log('ovh: latency minus the model time of the turn; model: mock latency per call (ms); all times in ms;');
  console.log('×floor: a multiple of the floor comparator; ×lib: the agent turn as a multiple of floor_agents\n');
  console.log(line('scenario', COLUMNS));
  for (const result of results) console.log(line(result.name, row(result)));
  console.log(`\nBENCH_JSON ${JSON.stringify({ ...meta, scenarios: results })}`);
}
