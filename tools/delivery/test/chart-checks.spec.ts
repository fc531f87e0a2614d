/** helm lint / install --dry-run with Helm 4, values.schema.json and template guards, values comments, the validator itself. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { withValuesTable } from '../src/chart-readme.js';
import { describe, expect, it } from '@jest/globals';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { REPO_ROOT } from '../src/binaries.js';
import {
  CHART_DIR,
  type Environment,
  findObject,
  helm,
  modelValidator,
  render,
  templateArgs,
  unknownFields,
  validateObject,
  valueFiles,
} from '../src/chart.js';
import { effectiveValues, valueAt } from '../src/environment-values.js';

const ENVS: Environment[] = ['dev', 'prod'];

/** helm template with --set assignments; returns the exit status and stderr. */
const renderWith = (set: string[], env?: Environment) => helm(templateArgs({ env, set }));

describe('helm lint --strict and helm install --dry-run=client (Helm 4)', () => {
  it('uses Helm 4', () => {
    expect(helm(['version', '--short']).stdout).toMatch(/^v4\./);
  });

  it.each(ENVS)('lints %s (profile + environment values)', (env) => {
    const args = [
      'lint',
      '--strict',
      CHART_DIR,
      '--namespace',
      `todo-${env}`,
      ...valueFiles(env).flatMap((f) => ['-f', f]),
    ];
    const result = helm(args);
    expect(`${result.stdout}${result.stderr}`).toContain('0 chart(s) failed');
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/\[(ERROR|WARNING)\]/);
  });

  it('lints the defaults', () => {
    const result = helm(['lint', '--strict', CHART_DIR]);
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/\[(ERROR|WARNING)\]/);
  });

  it.each(ENVS)('lints %s with the Ingress and kagent enabled', (env) => {
    const args = [
      'lint',
      '--strict',
      CHART_DIR,
      '--namespace',
      `todo-${env}`,
      ...valueFiles(env).flatMap((f) => ['-f', f]),
      '--set',
      'ingress.enabled=true,kagent.enabled=true',
    ];
    const result = helm(args);
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/\[(ERROR|WARNING)\]/);
  });

  it('lint fails on a broken profile (the check can fail)', () => {
    const result = helm(['lint', '--strict', CHART_DIR, '--set', 'api.replicas=1']);
    expect(result.status).not.toBe(0);
  });

  it.each(ENVS)('installs %s with --dry-run=client and prints NOTES for its Service type', (env) => {
    const args = [
      'install',
      'chatbot',
      CHART_DIR,
      '--dry-run=client',
      '--namespace',
      `todo-${env}`,
      ...valueFiles(env).flatMap((f) => ['-f', f]),
    ];
    const result = helm(args);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('STATUS: pending-install');
    if (env === 'dev') {
      expect(result.stdout).toContain('minikube service chatbot-web -n todo-dev');
      expect(result.stdout).toContain('helm test chatbot -n todo-dev');
    } else {
      expect(result.stdout).toContain('kubectl get svc chatbot-web -n todo-prod -w');
    }
  });

  it('the defaults render and validate (secrets.mode existing, no database)', async () => {
    const objects = render();
    for (const obj of objects) await validateObject(obj);
    expect(objects.some((o) => o.kind === 'Secret' || o.kind === 'SealedSecret' || o.kind === 'StatefulSet')).toBe(
      false,
    );
    const api = findObject<IDeployment>(objects, 'Deployment', '-api');
    expect(api.spec!.template.spec!.containers[0]!.env![0]!.valueFrom!.secretKeyRef!.name).toBe('chatbot-secrets');
  });
});

describe('values.schema.json and template guards reject bad values', () => {
  it.each([
    [['api.replicas=1'], /replicas.*minimum/i],
    [['web.replicas=0'], /replicas.*minimum/i],
    [['web.service.type=Foo'], /service\/type.*NodePort.*LoadBalancer/],
    [['web.service.type=ClusterIP'], /service\/type/],
    [['secrets.mode=plain'], /secrets\/mode/],
    [['profile=staging'], /profile/],
    [['api.image.tag=latest'], /image\/tag/],
    [['web.image.tag=latest'], /image\/tag/],
    [['web.service.nodePort=80'], /nodePort.*minimum/],
    [['api.resources.limits.cpu=lots'], /resources\/limits\/cpu/],
    [['api.replica=2'], /additional properties.*replica/i],
    [['api.autoscaling.targetCPUUtilizationPercentage=170'], /targetCPUUtilizationPercentage/],
    [['networkPolicy.llmEgress.port=443'], /additional properties.*port/i],
    [['networkPolicy.llmEgress.ports=null'], /llmEgress.*ports/],
    [['networkPolicy.llmEgress.ports={0}'], /llmEgress\/ports\/0.*minimum/],
    [['networkPolicy.metrics.namespaceSelector.matchLabels=null'], /namespaceSelector/],
    [['web.trustedOrigins={http://a.example/}'], /trustedOrigins\/0/],
    [['web.preStopSleepSeconds=-1'], /preStopSleepSeconds/],
    [['ingress.enabled=true', 'ingress.host=Not_A_Host'], /ingress\/host/],
    [['ingress.tls.secretName=Bad Name'], /ingress\/tls\/secretName/],
    [['ingress.tlsSecret=x'], /additional properties.*tlsSecret/i],
  ])('--set %j fails', (set, message) => {
    const result = renderWith(set, 'dev');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(message);
  });

  it('an empty LLM egress port list fails (an egress rule without ports would open every port)', () => {
    const result = helm([...templateArgs({ env: 'dev' }), '--set-json', 'networkPolicy.llmEgress.ports=[]']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/llmEgress\/ports.*minItems/);
  });

  it('secrets.mode=chart with the prod profile fails with a clear message', () => {
    const result = renderWith(['secrets.mode=chart', 'secrets.values.BETTER_AUTH_SECRET=x'], 'prod');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('secrets.mode=chart is for dev only');
  });

  it('the in-cluster database with the prod profile fails', () => {
    const result = renderWith(['postgresql.enabled=true', 'postgresql.auth.password=x'], 'prod');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('postgresql.enabled is for dev only');
  });

  it('secrets.mode=sealed without ciphertext fails and points at seal-secret.sh', () => {
    const result = renderWith(['secrets.mode=sealed']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('bootstrap/seal-secret.sh');
  });

  it('a grace period shorter than the shutdown delay fails', () => {
    const result = renderWith(['api.shutdownDelayMs=30000', 'api.terminationGracePeriodSeconds=20'], 'dev');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('terminationGracePeriodSeconds must exceed');
  });

  it('a web grace period not longer than its preStop sleep fails', () => {
    const result = renderWith(['web.preStopSleepSeconds=30', 'web.terminationGracePeriodSeconds=30'], 'dev');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('web.terminationGracePeriodSeconds must exceed web.preStopSleepSeconds');
  });

  it('an empty image tag falls back to the chart appVersion, never latest', () => {
    const appVersion = /^appVersion:\s*"?([^"\n]+)"?/m.exec(readFileSync(`${CHART_DIR}/Chart.yaml`, 'utf8'))![1]!;
    expect(appVersion).not.toBe('latest');
    const objects = render({ env: 'dev', set: ['api.image.tag='] });
    const api = findObject<IDeployment>(objects, 'Deployment', '-api');
    const repository = valueAt(effectiveValues(REPO_ROOT, 'dev'), 'api.image.repository');
    expect(api.spec!.template.spec!.containers[0]!.image).toBe(`${String(repository)}:${appVersion}`);
    expect(api.metadata!.labels!.version).toBe(appVersion);
  });
});

describe('value-driven behaviour', () => {
  it('progressDeadlineSeconds (when a stuck rollout turns Degraded) follows values, default 600', () => {
    const deadline = (set: string[], component: 'api' | 'web') =>
      findObject<IDeployment>(render({ env: 'dev', set }), 'Deployment', `-${component}`).spec!.progressDeadlineSeconds;
    expect([deadline([], 'api'), deadline([], 'web')]).toEqual([600, 600]);
    expect([
      deadline(['api.progressDeadlineSeconds=90'], 'api'),
      deadline(['web.progressDeadlineSeconds=90'], 'web'),
    ]).toEqual([90, 90]);
    expect(renderWith(['web.progressDeadlineSeconds=0'], 'dev').status).not.toBe(0);
  });

  it('tests.enabled gates the helm test pods', () => {
    const hooks = (set: string[]) =>
      render({ env: 'dev', set }).filter((o) => o.metadata.annotations?.['helm.sh/hook'] === 'test').length;
    const postSync = (set: string[]) =>
      render({ env: 'dev', set }).filter((o) => o.metadata.annotations?.['argocd.argoproj.io/hook'] === 'PostSync')
        .length;
    expect(hooks([])).toBe(2);
    expect(postSync([])).toBe(1);
    expect(hooks(['tests.enabled=false'])).toBe(0);
    expect(postSync(['tests.enabled=false'])).toBe(0);
  });

  it('pods roll when a secret value or the config changes, and only then', () => {
    const checksums = (set: string[]) => {
      const api = findObject<IDeployment>(render({ env: 'dev', set }), 'Deployment', '-api');
      return api.spec!.template.metadata!.annotations!;
    };
    const base = checksums([]);
    expect(checksums([])).toEqual(base);
    const secret = checksums(['secrets.values.BETTER_AUTH_SECRET=another-dev-only-secret-0123456789']);
    expect(secret['checksum/secret']).not.toBe(base['checksum/secret']);
    expect(secret['checksum/config']).toBe(base['checksum/config']);
    const config = checksums(['api.env.LOG_LEVEL=warn']);
    expect(config['checksum/config']).not.toBe(base['checksum/config']);
    expect(config['checksum/secret']).toBe(base['checksum/secret']);
  });

  it('web Service type and replicas follow values; api replicas only without the HPA', () => {
    const objects = render({
      env: 'dev',
      set: ['web.service.type=LoadBalancer', 'web.replicas=4', 'api.replicas=5', 'api.autoscaling.enabled=false'],
    });
    expect(objects.find((o) => o.kind === 'Service' && o.metadata.name.endsWith('-web'))!.spec).toMatchObject({
      type: 'LoadBalancer',
    });
    expect(findObject<IDeployment>(objects, 'Deployment', '-web').spec!.replicas).toBe(4);
    expect(findObject<IDeployment>(objects, 'Deployment', '-api').spec!.replicas).toBe(5);
    expect(objects.some((o) => o.kind === 'HorizontalPodAutoscaler')).toBe(false);
    const withHpa = render({ env: 'dev', set: ['api.replicas=5'] });
    expect(findObject<IDeployment>(withHpa, 'Deployment', '-api').spec).not.toHaveProperty('replicas');
    expect(withHpa.some((o) => o.kind === 'HorizontalPodAutoscaler')).toBe(true);
  });

  it('metrics scraping and LLM egress ports follow values', () => {
    const apiPolicy = (set: string[]) =>
      findObject<INetworkPolicy>(render({ env: 'prod', set }), 'NetworkPolicy', '-api').spec!;
    const llmPorts = (set: string[]) =>
      apiPolicy(set)
        .egress!.filter(
          (e) => e.to?.some((t) => t.ipBlock?.cidr === '0.0.0.0/0') && !e.ports?.some((p) => p.port === 5432),
        )
        .flatMap((e) => e.ports!.map((p) => p.port));
    expect(llmPorts(['networkPolicy.llmEgress.ports={443,11434,80}'])).toEqual([443, 11434, 80]);
    expect(llmPorts(['networkPolicy.llmEgress.enabled=false'])).toEqual([]);
    const selector = apiPolicy([
      'networkPolicy.metrics.namespaceSelector.matchLabels.team=observability',
    ]).ingress!.find((r) => r.from!.some((p) => p.namespaceSelector))!;
    expect(selector.from![0]!.namespaceSelector!.matchLabels).toMatchObject({ team: 'observability' });
    expect(
      apiPolicy(['networkPolicy.metrics.enabled=false']).ingress!.some((r) => r.from!.some((p) => p.namespaceSelector)),
    ).toBe(false);
    const annotations = findObject<IDeployment>(
      render({ env: 'prod', set: ['api.metrics.enabled=false'] }),
      'Deployment',
      '-api',
    ).spec!.template.metadata!.annotations!;
    expect(Object.keys(annotations).filter((k) => k.startsWith('prometheus.io/'))).toEqual([]);
  });

  it('web.trustedOrigins become BETTER_AUTH_TRUSTED_ORIGINS, comma-joined', () => {
    const webConfig = (set: string[]) =>
      findObject<IConfigMap>(render({ env: 'prod', set }), 'ConfigMap', '-web-config').data!;
    expect(
      webConfig(['web.trustedOrigins={https://a.example.com,http://10.*.*.*:30080}']).BETTER_AUTH_TRUSTED_ORIGINS,
    ).toBe('https://a.example.com,http://10.*.*.*:30080');
    expect(webConfig([])).not.toHaveProperty('BETTER_AUTH_TRUSTED_ORIGINS');
  });

  it('an external database CIDR replaces the in-cluster DB egress rule', () => {
    const objects = render({ env: 'prod', set: ['networkPolicy.database.cidr=10.20.0.0/16'] });
    const np = objects.find((o) => o.kind === 'NetworkPolicy' && o.metadata.name.endsWith('-api'))!;
    expect(JSON.stringify(np.spec)).toContain('{"ipBlock":{"cidr":"10.20.0.0/16"}}');
  });
});

describe('values: documented once, layered as differences', () => {
  const readmePath = `${CHART_DIR}/README.md`;
  const valuesYaml = readFileSync(`${CHART_DIR}/values.yaml`, 'utf8');

  it('the chart README lists every value of values.yaml with its default and comment (npm run chart-readme)', () => {
    const readme = readFileSync(readmePath, 'utf8');
    expect(readme).toBe(withValuesTable(readme, valuesYaml));
    expect(readme).toContain(
      '| `api.autoscaling.targetCPUUtilizationPercentage` | `70` | Average CPU utilisation target, percent of requests. |',
    );
  });

  it('a changed default makes the README stale (the check is live)', () => {
    const readme = readFileSync(readmePath, 'utf8');
    expect(
      withValuesTable(
        readme,
        valuesYaml.replace('targetCPUUtilizationPercentage: 70', 'targetCPUUtilizationPercentage: 80'),
      ),
    ).not.toBe(readme);
  });

  /** Every leaf of a values file, as [dotted path, value]. */
  const leaves = (tree: unknown, prefix = ''): [string, unknown][] =>
    tree !== null && typeof tree === 'object' && !Array.isArray(tree) && Object.keys(tree).length > 0
      ? Object.entries(tree).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key))
      : [[prefix, tree]];
  const load = (file: string) => parse(readFileSync(file, 'utf8')) as unknown;
  const valueAtPath = (tree: unknown, path: string) =>
    path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], tree);
  const layers: [string, string[]][] = [
    ...ENVS.map((env): [string, string[]] => [`${CHART_DIR}/values-${env}.yaml`, [`${CHART_DIR}/values.yaml`]]),
    ...ENVS.map((env): [string, string[]] => [
      valueFiles(env)[1]!,
      [`${CHART_DIR}/values.yaml`, `${CHART_DIR}/values-${env}.yaml`],
    ]),
  ];

  it.each(layers)('%s sets only values that differ from the layers below it', (file, below) => {
    const repeated = leaves(load(file))
      // The image lines belong to bootstrap and CI (a fork's owner, a bumped tag), whatever the defaults say.
      .filter(([path]) => !/^(api|web)\.image\./.test(path))
      .filter(([path, value]) => {
        const inherited = below.map(load).reduce<unknown>((found, tree) => valueAtPath(tree, path) ?? found, undefined);
        return JSON.stringify(inherited) === JSON.stringify(value);
      })
      .map(([path]) => path);
    expect(repeated).toEqual([]);
  });
});

describe('the offline validator', () => {
  const deployment = () =>
    findObject<IDeployment>(render({ env: 'dev' }), 'Deployment', '-api') as unknown as Record<string, unknown> &
      IDeployment;

  it('accepts the rendered Deployment', async () => {
    await expect(validateObject(deployment() as never)).resolves.toBeUndefined();
  });

  it('rejects wrong types (kubernetes-models)', async () => {
    const d = deployment();
    (d.spec as unknown as Record<string, unknown>).replicas = 'two';
    await expect(validateObject(d as never)).rejects.toThrow(/Deployment\/chatbot-api is invalid: .*replicas/);
  });

  it('rejects misspelled fields at any depth, but not map keys (labels, resources)', async () => {
    const d = deployment();
    const c = d.spec!.template.spec!.containers[0]! as unknown as Record<string, unknown>;
    c.imagePullPolcy = 'Always';
    (c.securityContext as Record<string, unknown>).runAsUsr = 1000;
    (d.spec as unknown as Record<string, unknown>).replica = 2;
    d.metadata!.labels!['free-form-label'] = 'ok';
    const validate = await modelValidator('apps/v1', 'Deployment');
    expect(unknownFields(validate, d).sort()).toEqual([
      'spec.replica',
      'spec.template.spec.containers[0].imagePullPolcy',
      'spec.template.spec.containers[0].securityContext.runAsUsr',
    ]);
    await expect(validateObject(d as never)).rejects.toThrow(/unknown fields/);
  });

  it('rejects unknown kinds and API versions', async () => {
    await expect(
      validateObject({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'x' } }),
    ).rejects.toThrow(/no model module/);
    await expect(
      validateObject({ apiVersion: 'apps/v1', kind: 'Deploymnet', metadata: { name: 'x' } }),
    ).rejects.toThrow(/no model Deploymnet in kubernetes-models\/apps\/v1/);
  });
});
