import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { CHROMIUM } from '../../test/support/browser.js';

const LIGHTHOUSE_CLI = createRequire(import.meta.url).resolve('lighthouse/cli/index.js');

export interface Audit {
  accessibility: number;
  'best-practices': number;
  performance: number;
  /** The accessibility and best-practices audits that did not pass, for a useful failure message. */
  failing: string[];
}

interface Report {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null }>;
}

/**
 * Lighthouse's desktop preset on `url`, in a Chromium of its own (Debian's); `cookie` signs the visit in.
 * Run as its CLI, in a process of its own, as anyone would run it.
 */
export async function lighthouse(url: string, cookie?: string): Promise<Audit> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      LIGHTHOUSE_CLI,
      url,
      '--preset=desktop',
      '--only-categories=accessibility,best-practices,performance',
      '--output=json',
      '--output-path=stdout',
      '--quiet',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage',
      ...(cookie ? [`--extra-headers=${JSON.stringify({ cookie })}`] : []),
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(stdout) as Report;
  const score = (category: string) => Math.round((report.categories[category]?.score ?? 0) * 100);
  const failing = ['accessibility', 'best-practices'].flatMap((category) =>
    (report.categories[category]?.auditRefs ?? [])
      .filter(({ id, weight }) => weight > 0 && (report.audits[id]?.score ?? 1) < 1)
      .map(({ id }) => `${category}/${id}`),
  );
  return {
    accessibility: score('accessibility'),
    'best-practices': score('best-practices'),
    performance: score('performance'),
    failing,
  };
}
