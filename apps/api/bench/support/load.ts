import { setTimeout } from 'node:timers/promises';
import type { Usage, UsageReader } from './usage.js';

/** One request of a client, timed from its side; `key` identifies it in the mock model's log. */
export interface Sample {
  key: string;
  latencyMs: number;
  ok: boolean;
  error?: string;
}

/** A client sends its `turn`-th request (a chat turn, a task list) and keeps its own state (its conversation). */
export type Client = (turn: number) => Promise<Sample>;

export interface LoadPlan {
  clients: number;
  /** Per client, before measuring: the first requests fetch the JWKS, open pools and warm the JIT. */
  warmup: number;
  /** Per client, measured. */
  turns: number;
  /**
   * The measured clients start spread evenly over this many ms (default 0: all at once). With one turn's
   * model time, the clients stay spread as conversations arriving at random would, instead of all
   * 100 needing the CPU at the same instant each time the model answers.
   */
  rampMs?: number;
}

export interface Measured {
  samples: Sample[];
  wallMs: number;
  /** Per server: CPU used during the measured window and resident memory at its end. */
  usage: Record<string, Usage>;
}

async function runClients(clients: Client[], from: number, count: number, rampMs = 0): Promise<Sample[]> {
  const perClient = await Promise.all(
    clients.map(async (client, index) => {
      await setTimeout((index * rampMs) / clients.length);
      const samples: Sample[] = [];
      // One after another, as a person sends them; the clients run concurrently.
      for (let turn = from; turn < from + count; turn += 1) samples.push(await client(turn));
      return samples;
    }),
  );
  return perClient.flat();
}

async function readAll(readers: Record<string, UsageReader>): Promise<Record<string, Usage>> {
  const entries = await Promise.all(Object.entries(readers).map(async ([name, read]) => [name, await read()] as const));
  return Object.fromEntries(entries);
}

/** Warms up, then runs the measured turns with each server's CPU read before and after. */
export async function measure(
  plan: LoadPlan,
  makeClient: (index: number) => Promise<Client>,
  readers: Record<string, UsageReader>,
): Promise<Measured> {
  const clients = await Promise.all(Array.from({ length: plan.clients }, (_, i) => makeClient(i)));
  await runClients(clients, 0, plan.warmup);
  const before = await readAll(readers);
  const started = performance.now();
  const samples = await runClients(clients, plan.warmup, plan.turns, plan.rampMs);
  const wallMs = performance.now() - started;
  const after = await readAll(readers);
  const usage = Object.fromEntries(
    Object.keys(readers).map((name) => [
      name,
      { cpuMs: after[name]!.cpuMs - before[name]!.cpuMs, rssBytes: after[name]!.rssBytes },
    ]),
  );
  return { samples, wallMs, usage };
}
