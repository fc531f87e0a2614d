/** Image tags as strings whatever helm makes of them, digests pinned when set, and version labels that are valid whatever the tag. */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import { REPO_ROOT } from '../src/binaries.js';
import { bumpImageTags } from '../src/bump-image-tags.js';
import { type K8sObject, type RenderOptions, findObject, helm, render, templateArgs } from '../src/chart.js';
import { deployedImageOf, effectiveValues, imageOf, valueAt } from '../src/environment-values.js';

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const repository = (component: 'api' | 'web') =>
  String(valueAt(effectiveValues(REPO_ROOT, 'dev'), `${component}.image.repository`));

/** Image and version label of every api-image workload (api, migrate, chat test). */
function apiImages(opts: RenderOptions): Array<{ image: string; version: string }> {
  const objects = render({ env: 'dev', ...opts });
  const api = findObject<IDeployment>(objects, 'Deployment', '-api');
  const jobs = ['-migrate', '-test-chat'].map((name) => findObject<IJob>(objects, 'Job', name));
  return [api, ...jobs].map((o) => ({
    image: o.spec!.template.spec!.containers[0]!.image!,
    version: o.spec!.template.metadata!.labels!.version!,
  }));
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
    for (const labels of [web.metadata!.labels!, web.spec!.template.metadata!.labels!])
      expect(labels.version).toBe('7654321');
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

describe('image digests', () => {
  const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;
  const valuesFile = (content: string) => {
    const file = join(mkdtempSync(join(tmpdir(), 'chart-')), 'digest.yaml');
    writeFileSync(file, content);
    return file;
  };

  it('a pinned digest is appended to repository:tag on every workload of that image; the version label stays the tag', () => {
    const opts = {
      setString: ['api.image.tag=1234567'],
      files: [valuesFile(`api:\n  image:\n    digest: "${DIGEST}"\n`)],
    };
    for (const { image, version } of apiImages(opts)) {
      expect(image).toBe(`${repository('api')}:1234567@${DIGEST}`);
      expect(version).toBe('1234567');
    }
    const web = findObject<IDeployment>(render({ env: 'dev', ...opts }), 'Deployment', '-web');
    expect(web.spec!.template.spec!.containers[0]!.image).not.toContain('@');
  });

  it.each(['dev', 'prod'] as const)(
    '%s renders what its values pin: repository:tag, plus @digest when one is set',
    (env) => {
      const objects = render({ env });
      for (const component of ['api', 'web'] as const) {
        const image = findObject<IDeployment>(objects, 'Deployment', `-${component}`).spec!.template.spec!
          .containers[0]!.image;
        expect(image).toBe(deployedImageOf(REPO_ROOT, env, component));
        // Registry checks (image-check) keep the tag reference.
        expect(image!.startsWith(imageOf(REPO_ROOT, env, component))).toBe(true);
      }
    },
  );

  it("release.yml's bump of dev (tag and digest) is what the chart then deploys", () => {
    const root = mkdtempSync(join(tmpdir(), 'chart-'));
    const file = join(root, 'environments/dev/values.yaml');
    mkdirSync(join(root, 'environments/dev'), { recursive: true });
    copyFileSync(join(REPO_ROOT, 'environments/dev/values.yaml'), file);
    const sha = '0123456789012345678901234567890123456789';
    const webDigest = `sha256:${'f'.repeat(64)}`;
    bumpImageTags(root, 'dev', { api: sha, web: sha }, { api: DIGEST, web: webDigest });
    const objects = render({ env: 'dev', files: [file] });
    for (const [component, digest] of [
      ['api', DIGEST],
      ['web', webDigest],
    ] as const) {
      const image = findObject<IDeployment>(objects, 'Deployment', `-${component}`).spec!.template.spec!.containers[0]!
        .image;
      expect(image).toBe(`${repository(component)}:${sha}@${digest}`);
      expect(image).toBe(deployedImageOf(root, 'dev', component));
    }
  });

  it('an empty digest renders repository:tag', () => {
    for (const { image } of apiImages({ setString: ['api.image.tag=1234567', 'api.image.digest='] }))
      expect(image).toBe(`${repository('api')}:1234567`);
  });

  it.each([
    ['too short', 'sha256:abc'],
    ['upper case', DIGEST.toUpperCase()],
    ['another algorithm', `sha512:${'a'.repeat(128)}`],
    ['no algorithm', DIGEST.slice('sha256:'.length)],
    ['a tag', 'v1.2.3'],
  ])('values.schema.json refuses a digest that is %s', (_what, digest) => {
    const result = helm(templateArgs({ env: 'dev', setString: [`web.image.digest=${digest}`] }));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/web\/image\/digest/);
  });
});
