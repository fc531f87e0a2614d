import { readFile } from 'node:fs/promises';

/** A server's own account of itself: CPU time used so far and resident memory. */
export interface Usage {
  cpuMs: number;
  rssBytes: number;
}

export type UsageReader = () => Promise<Usage>;

function metricValue(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`/metrics has no ${name}`);
  return Number(line.slice(name.length + 1).split(' ')[0]);
}

/** The api's Prometheus endpoint: process_cpu_seconds_total and process_resident_memory_bytes. */
export const prometheusUsage =
  (metricsUrl: string): UsageReader =>
  async () => {
    const text = await (await fetch(metricsUrl)).text();
    return {
      cpuMs: metricValue(text, 'process_cpu_seconds_total') * 1000,
      rssBytes: metricValue(text, 'process_resident_memory_bytes'),
    };
  };

/** The floor's `GET /usage` (process.cpuUsage and rss, as JSON). */
export const jsonUsage =
  (usageUrl: string): UsageReader =>
  async () =>
    (await fetch(usageUrl)).json() as Promise<Usage>;

const CLOCK_TICKS_PER_S = 100;
const PAGE_BYTES = 4096;

/** A process without a metrics endpoint (the web server), read from Linux' /proc. */
export const procUsage =
  (pid: number): UsageReader =>
  async () => {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name: state is field 3, utime 14, stime 15, rss (pages) 24.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { cpuMs: (ticks * 1000) / CLOCK_TICKS_PER_S, rssBytes: Number(fields[21]) * PAGE_BYTES };
  };
