/**
 * .github/workflows/e2e.yml: runs bootstrap/e2e.sh (tested up to the cluster in bootstrap-e2e.spec.ts) on
 * every pull request and push to main, on a free runner, with artifacts when it fails. actionlint, pinned
 * actions and permissions are checked for every workflow in workflows.spec.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { REPO_ROOT } from '../src/binaries.js';

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, { branches?: string[]; 'paths-ignore'?: string[] } | null>;
  jobs: Record<string, { 'runs-on': string; 'timeout-minutes': number; env: Record<string, string>; steps: Step[] }>;
}

const workflow = parse(readFileSync(join(REPO_ROOT, '.github/workflows/e2e.yml'), 'utf8')) as Workflow;
const job = workflow.jobs.kind!;

describe('e2e.yml', () => {
  it('runs on pull requests, pushes to main that change more than tags or docs, and by hand', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push', 'workflow_dispatch']);
    expect(workflow.on.push).toEqual({
      branches: ['main'],
      'paths-ignore': expect.arrayContaining(['environments/**']),
    });
  });

  it('fits a free runner and is bounded', () => {
    expect(job['runs-on']).toMatch(/^ubuntu-/);
    expect(job['timeout-minutes']).toBeLessThanOrEqual(60);
  });

  it('runs bootstrap/e2e.sh after npm ci, with kind pinned and the argocd CLI at the version the cluster gets', () => {
    const runs = job.steps.flatMap((step) => (step.run ? [step.run] : []));
    expect(runs.indexOf('npm ci')).toBeLessThan(runs.indexOf('bootstrap/e2e.sh'));
    expect(job.env.KIND_VERSION).toMatch(/^v\d+\.\d+\.\d+$/);
    const install = runs.find((run) => run.includes('argocd-linux-amd64'))!;
    expect(install).toContain("sed -n 's/^readonly ARGOCD_VERSION=//p' bootstrap/lib/common.sh");
    expect(readFileSync(join(REPO_ROOT, 'bootstrap/lib/common.sh'), 'utf8')).toMatch(
      /^readonly ARGOCD_VERSION=v\d+\.\d+\.\d+$/m,
    );
  });

  it('uploads the artifacts e2e.sh collects, only when it fails', () => {
    const upload = job.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.if).toBe('failure()');
    expect(upload.with?.path).toBe('${{ env.ARTIFACTS_DIR }}');
    expect(job.env.ARTIFACTS_DIR).toBeDefined();
  });

  it('the README shows its badge and says how to run it locally', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme).toMatch(/\[!\[e2e\]\([^)]*actions\/workflows\/e2e\.yml\/badge\.svg\)\]/);
    expect(readme).toContain('bootstrap/e2e.sh');
  });
});
