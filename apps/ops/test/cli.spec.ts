import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import { EXIT_USAGE, main } from '../src/cli.js';
import { NO_MODEL } from '../src/explain.js';
import { kubeconfigFor, startFakeCluster, type FakeCluster } from './fake-cluster.js';
import { application, deployment, hpa, pod, routes, usage, warning, type ClusterState } from './fixtures.js';

// In-process: main() with injected argv, stdout/stderr and env; KUBECONFIG goes through process.env
// because client-node's loadFromDefault reads it there.
let cluster: FakeCluster | undefined;
afterEach(async () => {
  await cluster?.close();
  cluster = undefined;
});

async function cli(argv: string[], kubeconfig: string) {
  let stdout = '';
  let stderr = '';
  process.env.KUBECONFIG = kubeconfig;
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { OPENAI_API_KEY: '', LLM_BASE_URL: '' },
  });
  return { code, stdout, stderr, lastLine: stdout.trimEnd().split('\n').at(-1) ?? '' };
}

async function against(state: ClusterState, ...argv: string[]) {
  cluster = await startFakeCluster(routes(state));
  return cli(argv, cluster.kubeconfig);
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

const healthy: ClusterState = {
  deployments: [deployment('chatbot-api', 2), deployment('chatbot-web', 1)],
  pods: [pod('chatbot-api', 'aaaaa'), pod('chatbot-api', 'bbbbb'), pod('chatbot-web', 'ccccc')],
  events: [
    warning('chatbot-api-7f9c6d-aaaaa', 'Unhealthy', 'Readiness probe failed', minutesAgo(2)),
    warning('chatbot-api-old', 'BackOff', 'an hour-old event', minutesAgo(60)),
  ],
  hpas: [hpa('chatbot-api', { min: 2, max: 5, current: 2, cpu: 40 })],
  metrics: [
    usage('chatbot-api-7f9c6d-aaaaa', 'api', '80m', '100Mi'),
    usage('chatbot-web-7f9c6d-ccccc', 'web', '60m', '96Mi'),
  ],
  applications: [
    application('todo-chatbot', 'todo', 'Synced', 'Healthy'),
    application('someone-else', 'other', 'OutOfSync', 'Degraded'),
  ],
};

const crashLooping: ClusterState = {
  ...healthy,
  deployments: [deployment('chatbot-api', 2, 1), deployment('chatbot-web', 1)],
  pods: [
    pod('chatbot-api', 'aaaaa'),
    pod('chatbot-api', 'bbbbb', { waiting: 'CrashLoopBackOff', restarts: 5, lastTerminated: 'OOMKilled' }),
    pod('chatbot-web', 'ccccc'),
  ],
};

describe('chatbot-ops health', () => {
  it('reports a healthy namespace with exit 0', async () => {
    const { code, stdout, lastLine } = await against(healthy, 'health');
    expect(code).toBe(0);
    expect(lastLine).toBe('healthy: 2 deployments ready, 3 pods');
    expect(stdout).toMatch(/chatbot-api\s+2\/2/);
    expect(stdout).toMatch(/chatbot-api\s+Deployment\/chatbot-api\s+2\s+5\s+2\s+2\s+40%\s+70%/);
    expect(stdout).toMatch(/todo-chatbot\s+Synced\s+Healthy/);
    expect(stdout).not.toContain('someone-else');
    expect(stdout).toContain('Readiness probe failed');
    expect(stdout).not.toContain('an hour-old event');
    expect(cluster!.requests).toContain('/apis/argoproj.io/v1alpha1/namespaces/argocd/applications');
  });

  it('names a CrashLoopBackOff pod, its restarts and last termination, with exit 1', async () => {
    const { code, stdout, lastLine } = await against(crashLooping, 'health');
    expect(code).toBe(1);
    expect(lastLine).toBe(
      'degraded: pod chatbot-api-7f9c6d-bbbbb CrashLoopBackOff (5 restarts, last terminated: OOMKilled) (+1 more)',
    );
    expect(stdout).toContain('degraded: deployment chatbot-api 1/2 ready');
  });

  it('names an ImagePullBackOff pod with exit 1', async () => {
    const { code, lastLine } = await against(
      {
        ...healthy,
        deployments: [deployment('chatbot-web', 1, 0)],
        pods: [pod('chatbot-web', 'ddddd', { waiting: 'ImagePullBackOff' })],
      },
      'health',
    );
    expect(code).toBe(1);
    expect(lastLine).toBe('degraded: pod chatbot-web-7f9c6d-ddddd ImagePullBackOff (0 restarts) (+1 more)');
  });

  it('warns, still exit 0, about an HPA at its maximum with CPU over target', async () => {
    const { code, lastLine } = await against(
      { ...healthy, hpas: [hpa('chatbot-api', { min: 2, max: 5, current: 5, cpu: 92 })] },
      'health',
    );
    expect(code).toBe(0);
    expect(lastLine).toBe('healthy with warnings: hpa chatbot-api at maxReplicas 5 with CPU 92% > target 70%');
  });

  it('fails on a Degraded Argo CD application and says when Argo CD is not installed', async () => {
    const degraded = await against(
      { ...healthy, applications: [application('todo-chatbot', 'todo', 'Synced', 'Degraded')] },
      'health',
    );
    expect(degraded.code).toBe(1);
    expect(degraded.lastLine).toBe('degraded: argo application todo-chatbot Synced/Degraded');
    await cluster!.close();

    const { applications: _, ...withoutArgo } = healthy;
    const absent = await against(withoutArgo, 'health');
    expect(absent.code).toBe(0);
    expect(absent.stdout).toContain('Argo CD is not installed');
  });

  it('exits 2 with one line when the cluster is unreachable', async () => {
    const port = await closedPort();
    const { code, stdout } = await cli(['health'], kubeconfigFor(`http://127.0.0.1:${port}`));
    expect(code).toBe(2);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(stdout).toMatch(
      new RegExp(`^unreachable: cannot reach http://127.0.0.1:${port} \\(.*ECONNREFUSED.*\\)\\n$`),
    );
  });

  it('prints JSON with the same verdict as the table', async () => {
    const table = await against(crashLooping, 'health');
    await cluster!.close();
    const json = await against(crashLooping, 'health', '--output', 'json');
    const report = JSON.parse(json.stdout);
    expect(json.code).toBe(1);
    expect(report).toMatchObject({ namespace: 'todo', verdict: 'degraded', exitCode: 1, reason: table.lastLine });
    expect(report.pods[1]).toMatchObject({ waiting: 'CrashLoopBackOff', restarts: 5, lastTermination: 'OOMKilled' });
    expect(json.stderr).toBe(`${table.lastLine}\n`);
  });

  it('uses --namespace over the context namespace', async () => {
    cluster = await startFakeCluster({});
    const { code } = await cli(['health', '-n', 'staging'], cluster.kubeconfig);
    expect(code).toBe(2);
    expect(cluster.requests[0]).toBe('/apis/apps/v1/namespaces/staging/deployments');
  });

  it('says plainly that no model is configured for --explain and keeps the health exit code', async () => {
    const { code, stdout, lastLine } = await against(crashLooping, 'health', '--explain');
    expect(code).toBe(1);
    expect(stdout).toContain(`Explanation:\n${NO_MODEL}\n`);
    expect(lastLine).toMatch(/^degraded: pod chatbot-api-7f9c6d-bbbbb CrashLoopBackOff/);
  });
});

describe('chatbot-ops recommend', () => {
  it('advises raising maxReplicas for an HPA at its maximum, with the numbers', async () => {
    const { code, stdout } = await against(
      { ...healthy, hpas: [hpa('chatbot-api', { min: 2, max: 5, current: 5, cpu: 92 })] },
      'recommend',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('[hpa] hpa chatbot-api (Deployment/chatbot-api): raise maxReplicas from 5 to at least 7');
    expect(stdout).toContain('at maxReplicas (5/5) with CPU 92% > target 70%: ceil(5 × 92 / 70) = 7');
  });

  it('gives lower requests for over-provisioned containers and lower minReplicas for an idle HPA', async () => {
    const fat = { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' } };
    const { code, stdout } = await against(
      {
        pods: [pod('chatbot-api', 'aaaaa', fat), pod('chatbot-api', 'bbbbb', fat)],
        // Usage as metrics-server reports it: nanocores and KiB; the peak across the two pods counts.
        metrics: [
          usage('chatbot-api-7f9c6d-aaaaa', 'api', '20000000n', '61440Ki'),
          usage('chatbot-api-7f9c6d-bbbbb', 'api', '12000000n', '40Mi'),
        ],
        hpas: [hpa('chatbot-api', { min: 3, max: 6, current: 3, cpu: 10 })],
      },
      'recommend',
    );
    expect(code).toBe(0);
    expect(stdout).toContain(
      '[resources] chatbot-api/api: cpu lower: requests 30m, limits 60m; memory lower: requests 80Mi, limits 128Mi',
    );
    expect(stdout).toContain(
      'peak usage over 2 pod(s) cpu 20m, memory 60Mi vs requests cpu 1, memory 1Gi (limits cpu 2, memory 2Gi)',
    );
    expect(stdout).toContain('lower minReplicas from 3 to 1, or lower the CPU requests');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('2 recommendations: 1 resources, 1 hpa');
  });

  it('returns structured recommendations as JSON', async () => {
    const { code, stdout } = await against(
      { ...healthy, hpas: [hpa('chatbot-api', { min: 2, max: 5, current: 5, cpu: 92 })] },
      'recommend',
      '-o',
      'json',
    );
    const report = JSON.parse(stdout);
    expect(code).toBe(0);
    expect(report.metricsAvailable).toBe(true);
    expect(report.containers).toContainEqual(
      expect.objectContaining({
        workload: 'chatbot-api',
        container: 'api',
        observed: { cpu: '80m', memory: '100Mi' },
        cpuAction: 'keep',
      }),
    );
    expect(report.recommendations).toContainEqual(
      expect.objectContaining({ kind: 'hpa', advice: 'raise maxReplicas from 5 to at least 7' }),
    );
  });

  it('exits 1 with a sentence when metrics-server is missing', async () => {
    const { metrics: _, ...withoutMetrics } = healthy;
    const { code, lastLine } = await against(withoutMetrics, 'recommend');
    expect(code).toBe(1);
    expect(lastLine).toMatch(/^no metrics: metrics\.k8s\.io is not served \(install metrics-server/);
  });
});

describe('chatbot-ops usage', () => {
  it.each([
    [['status'], "unknown command 'status'"],
    [['health', '--verbose'], "Unknown option '--verbose'"],
    [['health', '--output', 'yaml'], "--output must be table or json, not 'yaml'"],
    [[], 'missing command'],
  ])('exits 64 for %j with one sentence and the usage', async (argv, sentence) => {
    const { code, stdout, stderr } = await cli(argv, '/nonexistent');
    expect(code).toBe(EXIT_USAGE);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      new RegExp(`^chatbot-ops: ${sentence.replace(/[-[\]()]/g, '\\$&')}\\.\\n\\nusage: chatbot-ops`),
    );
  });
});

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
