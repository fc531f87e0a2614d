/**
 * The dev database survives what happens every day: a chart version bump, an image bump, re-sealed app
 * secrets. Its volumeClaimTemplates are immutable once the StatefulSet exists (a change fails every later
 * sync), and a change to its pod template restarts PostgreSQL.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { CHART_DIR, findObject, render, type RenderOptions } from '../src/chart.js';

const bumped = mkdtempSync(join(tmpdir(), 'chart-bumped-'));
afterAll(() => rmSync(bumped, { recursive: true, force: true }));
cpSync(CHART_DIR, bumped, { recursive: true });
const chartYaml = join(bumped, 'Chart.yaml');
writeFileSync(
  chartYaml,
  readFileSync(chartYaml, 'utf8')
    .replace(/^version: .*$/m, 'version: 99.0.0')
    .replace(/^appVersion: .*$/m, 'appVersion: "99.0.0"'),
);

const database = (opts: RenderOptions) =>
  findObject<IStatefulSet>(render({ env: 'dev', ...opts }), 'StatefulSet', '-postgresql').spec!;
const today = database({});

describe('the in-cluster database across upgrades', () => {
  it.each([
    ['a chart version bump', { chartDir: bumped }],
    [
      'new image tags',
      {
        setString: [
          'api.image.tag=0123456789abcdef0123456789abcdef01234567',
          'web.image.tag=0123456789abcdef0123456789abcdef01234567',
        ],
      },
    ],
    ['a changed app secret', { set: ['secrets.values.BETTER_AUTH_SECRET=another-dev-only-secret-0123456789abcdef'] }],
  ] as const)('%s changes neither its volumeClaimTemplates nor its pod template', (_what, opts) => {
    const after = database(opts as RenderOptions);
    expect(after.volumeClaimTemplates).toEqual(today.volumeClaimTemplates);
    expect(after.template).toEqual(today.template);
  });

  it('the chart bump is real: it does change the labels of the chart-wide objects', () => {
    const labels = (opts: RenderOptions) =>
      findObject<{ metadata: { labels: Record<string, string> } }>(
        render({ env: 'dev', ...opts }),
        'StatefulSet',
        '-postgresql',
      ).metadata.labels;
    expect(labels({ chartDir: bumped })['helm.sh/chart']).not.toBe(labels({})['helm.sh/chart']);
  });

  it("a change of the database's own password rolls it", () => {
    expect(database({ set: ['postgresql.auth.password=another-dev-password'] }).template).not.toEqual(today.template);
  });
});
