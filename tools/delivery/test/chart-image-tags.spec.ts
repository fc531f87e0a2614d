/** Image tags as strings whatever helm makes of them, and version labels that are valid whatever the tag. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import { REPO_ROOT } from '../src/binaries.js';
import { type K8sObject, type RenderOptions, findObject, helm, render, templateArgs } from '../src/chart.js';
import { effectiveValues, valueAt } from '../src/environment-values.js';

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const repository = (component: 'api' | 'web') => String(valueAt(effectiveValues(REPO_ROOT, 'dev'), `${component}.image.repository`));

/** Image and version label of every api-image workload (api, migrate, chat test). */
function apiImages(opts: RenderOptions): Array<{ image: string; version: string }> {
  const objects = render({ env: 'dev', ...opts });
  const api = findObject<IDeployment>(objects, 'Deployment', '-api');
  const jobs = ['-migrate', '-test-chat'].map((name) => findObject<IJob>(objects, 'Job', name));
  return [api, ...jobs].map((o) => ({ image: o.spec!.template.spec!.containers[0]!.image!, version: o.spec!.template.metadata!.labels!.version! }));
}

describe('image tags', () => {
  it.each([
    ['--set, an all-digit short sha helm reads as a number', { set: ['api.image.tag=1234567'] }, '1234567'],
    ['--set, a leading zero', { set: ['api.image.tag=0123456'] }, '0123456'],
    ['--set, 40 digits', { set: [`api.image.tag=${'1234567890'.repeat(4)}`] }, '1234567890'.repeat(4)],
    ['--set-string', { setString: ['api.image.tag=1234567'] }, '1234567'],
  ])('%s renders the exact tag in the image and the version label', (_what, opts, tag) => {
    for (const { image, version } of apiImages(opts)) {
      expect(image).toBe(`${repository('api')}:${tag}`);
      expect(version).toBe(tag);
    }
  });

  it('a web tag labels the web objects, not the api ones', () => {
    const objects = render({ env: 'dev', set: ['web.image.tag=7654321', 'api.image.tag=abc1234'] });
    const web = findObject<IDeployment>(objects, 'Deployment', '-web');
    expect(web.spec!.template.spec!.containers[0]!.image).toBe(`${repository('web')}:7654321`);
    for (const labels of [web.metadata!.labels!, web.spec!.template.metadata!.labels!]) expect(labels.version).toBe('7654321');
    expect(findObject<IDeployment>(objects, 'Deployment', '-api').metadata!.labels!.version).toBe('abc1234');
    expect(web.spec!.selector.matchLabels).not.toHaveProperty('version');
  });

  it('a number in a values file (YAML may have mangled it already) fails and says how to quote it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'chart-')), 'tag.yaml');
    writeFileSync(file, 'api:\n  image:\n    tag: 1234567\n');
    const result = helm(templateArgs({ env: 'dev', files: [file] }));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/image tag .* is a number: quote it .*--set-string/);
  });

  it.each([
    ['longer than 63 characters', `${'a'.repeat(62)}.-_${'b'.repeat(40)}`],
    ['starting with an underscore', '_build.7'],
  ])('a tag %s still gives a valid version label', (_what, tag) => {
    const objects: K8sObject[] = render({ env: 'dev', setString: [`api.image.tag=${tag}`] });
    const api = findObject<IDeployment>(objects, 'Deployment', '-api');
    expect(api.spec!.template.spec!.containers[0]!.image).toBe(`${repository('api')}:${tag}`);
    for (const labels of [api.metadata!.labels!, api.spec!.template.metadata!.labels!]) {
      for (const key of ['version', 'app.kubernetes.io/version']) {
        expect(labels[key]!.length).toBeGreaterThan(0);
        expect(labels[key]!.length).toBeLessThanOrEqual(63);
        expect(labels[key]).toMatch(LABEL_VALUE);
        expect(tag).toContain(labels[key]);
      }
    }
  });
});
