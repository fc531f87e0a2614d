/** The rendered chart, per FR: every object valid, labelled, hardened; probes, resources, scaling, secrets. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IService } from 'kubernetes-models/v1/Service';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { ISealedSecret } from '@kubernetes-models/sealed-secrets/bitnami.com/v1alpha1/SealedSecret';
import { type Environment, type K8sObject, findObject, render, validateObject } from '../src/chart.js';
import { REPO_ROOT } from '../src/binaries.js';
import { effectiveValues, valueAt } from '../src/environment-values.js';
import { expectChartLabels } from './support/chart-labels.js';

const ENVS: Environment[] = ['dev', 'prod'];
const rendered = new Map<Environment, K8sObject[]>();
const objects = (env: Environment): K8sObject[] => rendered.get(env) ?? [];

beforeAll(() => {
  for (const env of ENVS) rendered.set(env, render({ env }));
});
const valueOf = (env: Environment, path: string): unknown => valueAt(effectiveValues(REPO_ROOT, env), path);
const APP_VERSION = /^appVersion:\s*"?([^"\n]+)"?/m.exec(
  readFileSync(`${REPO_ROOT}charts/chatbot/Chart.yaml`, 'utf8'),
)![1]!;
/** The tag the chart deploys for a component: its image.tag, or the appVersion when empty. */
const tagOf = (env: Environment, component: 'api' | 'web'): string =>
  String(valueOf(env, `${component}.image.tag`) || APP_VERSION);

/** Every pod spec the chart renders: Deployments, StatefulSet, Job and helm test Pods. */
function podSpecs(objs: readonly K8sObject[]): Array<[string, IPodSpec]> {
  const specs: Array<[string, IPodSpec]> = [];
  for (const o of objs) {
    const where = `${o.kind}/${o.metadata.name}`;
    if (o.kind === 'Pod') specs.push([where, (o as unknown as IPod).spec!]);
    if (['Deployment', 'StatefulSet', 'Job'].includes(o.kind)) {
      const spec = (o as unknown as IDeployment).spec!.template.spec;
      specs.push([where, spec!]);
    }
  }
  return specs;
}

const container = (d: IDeployment): IContainer => d.spec!.template.spec!.containers[0]!;
const deployment = (env: Environment, component: 'api' | 'web'): IDeployment =>
  findObject<IDeployment>(objects(env), 'Deployment', `-${component}`);

describe.each(ENVS)('chart rendered for %s', (env) => {
  it('renders the expected kinds', () => {
    const kinds = new Set(objects(env).map((o) => o.kind));
    for (const kind of [
      'Deployment',
      'Service',
      'ConfigMap',
      'ServiceAccount',
      'HorizontalPodAutoscaler',
      'PodDisruptionBudget',
      'NetworkPolicy',
      'Job',
    ]) {
      expect(kinds).toContain(kind);
    }
  });

  it('every object validates against its kubernetes-models schema, with no unknown fields', async () => {
    expect(objects(env).length).toBeGreaterThan(10);
    for (const obj of objects(env)) await validateObject(obj);
  });

  it('FR-026/FR-033: app, component, version and app.kubernetes.io/* labels on every object', () => {
    for (const obj of objects(env)) {
      expectChartLabels(obj);
      expect(obj.metadata.labels!['app.kubernetes.io/instance']).toBe('chatbot');
    }
    for (const [where, spec] of podSpecs(objects(env))) expect({ where, spec: !!spec }).toEqual({ where, spec: true });
    for (const d of [deployment(env, 'api'), deployment(env, 'web')]) {
      const podLabels = d.spec!.template.metadata!.labels!;
      expect(podLabels).toMatchObject({
        app: 'chatbot',
        version: expect.any(String),
        component: expect.stringMatching(/^(api|web)$/),
      });
      // selectors never include version (immutable selector must survive upgrades)
      expect(Object.keys(d.spec!.selector.matchLabels!)).not.toContain('version');
    }
  });

  it('version labels show the deployed image tag: the api tag on api, migrate and test objects, the web tag on web', () => {
    const expected: Record<string, string> = {
      api: tagOf(env, 'api'),
      migrate: tagOf(env, 'api'),
      test: tagOf(env, 'api'),
      web: tagOf(env, 'web'),
    };
    const seen = new Set<string>();
    const labelled = objects(env).flatMap((o) => {
      // The database's pod template keeps version-free labels (chart-database.spec.ts): a change restarts it.
      const template =
        o.kind === 'StatefulSet'
          ? undefined
          : (o as { spec?: { template?: { metadata?: { labels?: Record<string, string> } } } }).spec?.template?.metadata
              ?.labels;
      return [o.metadata.labels ?? {}, ...(template ? [template] : [])].map((labels) => ({
        where: `${o.kind}/${o.metadata.name}`,
        labels,
      }));
    });
    for (const { where, labels } of labelled) {
      const version = expected[labels.component!] ?? APP_VERSION;
      if (labels.component! in expected) seen.add(labels.component!);
      expect({ where, version: labels.version, k8s: labels['app.kubernetes.io/version'] }).toEqual({
        where,
        version,
        k8s: version,
      });
    }
    expect([...seen].sort()).toEqual(env === 'dev' ? ['api', 'migrate', 'test', 'web'] : ['api', 'migrate', 'web']);
  });

  it('FR-012/FR-013: requests and limits', () => {
    expect(container(deployment(env, 'web')).resources).toEqual({
      requests: { cpu: '100m', memory: '128Mi' },
      limits: { cpu: '200m', memory: '256Mi' },
    });
    expect(container(deployment(env, 'api')).resources).toEqual({
      requests: { cpu: '200m', memory: '256Mi' },
      limits: { cpu: '500m', memory: '512Mi' },
    });
    for (const [where, spec] of podSpecs(objects(env))) {
      for (const c of spec.containers)
        expect({ where, limits: c.resources?.limits }).toEqual({
          where,
          limits: expect.objectContaining({ cpu: expect.anything(), memory: expect.anything() }),
        });
    }
  });

  it('FR-014/FR-015: liveness on the liveness endpoint, readiness on the readiness endpoint', () => {
    const expected = { api: ['/health', '/ready', 8000], web: ['/api/health', '/api/ready', 3000] } as const;
    for (const component of ['api', 'web'] as const) {
      const c = container(deployment(env, component));
      const [live, ready, port] = expected[component];
      expect(c.ports![0]).toEqual({ name: 'http', containerPort: port, protocol: 'TCP' });
      expect(c.livenessProbe).toMatchObject({
        httpGet: { path: live, port: 'http' },
        periodSeconds: 10,
        failureThreshold: 3,
      });
      expect(c.readinessProbe).toMatchObject({
        httpGet: { path: ready, port: 'http' },
        periodSeconds: 10,
        initialDelaySeconds: 20,
        failureThreshold: 3,
      });
    }
  });

  it('FR-016: api and web startup probes every 5 s for up to 60 s, on the liveness path', () => {
    for (const component of ['api', 'web'] as const) {
      const c = container(deployment(env, component));
      const probe = c.startupProbe!;
      expect(probe).toMatchObject({
        httpGet: { path: c.livenessProbe!.httpGet!.path, port: 'http' },
        periodSeconds: 5,
      });
      expect(probe.periodSeconds! * probe.failureThreshold!).toBe(60);
    }
  });

  it('web: a preStop sleep lets the endpoint go before the server stops, within the grace period', () => {
    const web = deployment(env, 'web');
    const command = container(web).lifecycle!.preStop!.exec!.command!;
    expect(command).toEqual(['sleep', expect.stringMatching(/^[1-9][0-9]*$/)]);
    expect(web.spec!.template.spec!.terminationGracePeriodSeconds!).toBeGreaterThan(Number(command[1]));
  });

  it('FR-017/018/019: rolling update 1/1, web at least 2 replicas; the api HPA owns the api count (no replicas rendered)', () => {
    for (const component of ['api', 'web'] as const) {
      expect(deployment(env, component).spec!.strategy).toEqual({
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: 1, maxSurge: 1 },
      });
    }
    expect(deployment(env, 'web').spec!.replicas).toBe(2);
    expect(deployment(env, 'api').spec).not.toHaveProperty('replicas');
    const hpa = findObject<IHorizontalPodAutoscaler>(objects(env), 'HorizontalPodAutoscaler', '-api');
    expect(hpa.spec!.minReplicas).toBeGreaterThanOrEqual(2);
  });

  it('FR-020..022: web NodePort (dev) or LoadBalancer (prod), api ClusterIP', () => {
    const web = findObject<IService>(objects(env), 'Service', '-web');
    const api = findObject<IService>(objects(env), 'Service', '-api');
    expect(api.spec!.type).toBe('ClusterIP');
    expect(api.spec!.ports![0]).toMatchObject({ port: 8000, targetPort: 'http' });
    if (env === 'dev') {
      expect(web.spec!.type).toBe('NodePort');
      expect(web.spec!.ports![0]!.nodePort).toBe(30080);
    } else {
      expect(web.spec!.type).toBe('LoadBalancer');
      expect(web.spec!.ports![0]!.nodePort).toBeUndefined();
    }
    // Services select exactly their Deployment's pods
    for (const component of ['api', 'web'] as const) {
      const svc = findObject<IService>(objects(env), 'Service', `-${component}`);
      expect(deployment(env, component).spec!.template.metadata!.labels).toMatchObject(svc.spec!.selector!);
    }
  });

  it('FR-023/024: secrets reach the containers only through secretKeyRef', () => {
    const env_ = (component: 'api' | 'web') => container(deployment(env, component)).env ?? [];
    const ref = (component: 'api' | 'web', name: string) =>
      env_(component).find((e) => e.name === name)?.valueFrom?.secretKeyRef;
    expect(ref('api', 'DATABASE_URL')).toMatchObject({ key: 'DATABASE_URL' });
    expect(ref('api', 'OPENAI_API_KEY')).toMatchObject({ key: 'OPENAI_API_KEY', optional: true });
    expect(ref('web', 'DATABASE_URL')).toMatchObject({ key: 'DATABASE_URL' });
    expect(ref('web', 'BETTER_AUTH_SECRET')).toMatchObject({ key: 'BETTER_AUTH_SECRET' });
    for (const o of objects(env).filter((x) => x.kind === 'ConfigMap')) {
      const data = (o as unknown as IConfigMap).data ?? {};
      for (const key of ['DATABASE_URL', 'OPENAI_API_KEY', 'BETTER_AUTH_SECRET'])
        expect(Object.keys(data)).not.toContain(key);
    }
    for (const [where, spec] of podSpecs(objects(env))) {
      for (const c of spec.containers) {
        for (const e of c.env ?? []) {
          if (/DATABASE_URL|API_KEY|SECRET|PASSWORD/.test(e.name))
            expect({ where, name: e.name, value: e.value }).toEqual({ where, name: e.name, value: undefined });
        }
      }
    }
    const secretNames = new Set(
      objects(env)
        .filter((o) => o.kind === 'Secret' || o.kind === 'SealedSecret')
        .map((o) => o.metadata.name),
    );
    for (const component of ['api', 'web'] as const) {
      for (const e of env_(component))
        if (e.valueFrom?.secretKeyRef) expect(secretNames).toContain(e.valueFrom.secretKeyRef.name);
    }
  });

  it('securityContext on every pod spec (Deployments, StatefulSet, Job, test pods), /tmp is an emptyDir', () => {
    const specs = podSpecs(objects(env));
    expect(specs.length).toBeGreaterThanOrEqual(env === 'dev' ? 6 : 3);
    for (const [where, spec] of specs) {
      const uid = where.startsWith('StatefulSet/') ? 70 : 1000;
      expect({ where, pod: spec.securityContext }).toEqual({
        where,
        pod: {
          runAsNonRoot: true,
          runAsUser: uid,
          runAsGroup: uid,
          fsGroup: uid,
          seccompProfile: { type: 'RuntimeDefault' },
        },
      });
      expect({ where, automount: spec.automountServiceAccountToken }).toEqual({ where, automount: false });
      for (const c of spec.containers) {
        expect({ where, container: c.securityContext }).toEqual({
          where,
          container: expect.objectContaining({
            runAsNonRoot: true,
            runAsUser: uid,
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
            capabilities: { drop: ['ALL'] },
            seccompProfile: { type: 'RuntimeDefault' },
          }),
        });
        const tmp = c.volumeMounts?.find((m) => m.mountPath === '/tmp');
        const volume = spec.volumes?.find((v) => v.name === tmp?.name);
        expect({ where, emptyDir: volume?.emptyDir !== undefined }).toEqual({ where, emptyDir: true });
      }
    }
  });

  it('graceful shutdown: terminationGracePeriodSeconds exceeds SHUTDOWN_DELAY_MS', () => {
    const config = findObject<IConfigMap>(objects(env), 'ConfigMap', '-api-config');
    const delayMs = Number(config.data!.SHUTDOWN_DELAY_MS);
    expect(delayMs).toBeGreaterThan(0);
    expect(deployment(env, 'api').spec!.template.spec!.terminationGracePeriodSeconds! * 1000).toBeGreaterThan(delayMs);
  });

  it('pods roll when config or secrets change (checksum annotations) and spread across nodes softly', () => {
    for (const component of ['api', 'web'] as const) {
      const t = deployment(env, component).spec!.template;
      expect(t.metadata!.annotations).toMatchObject({
        'checksum/config': expect.stringMatching(/^[0-9a-f]{64}$/),
        'checksum/secret': expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(t.spec!.topologySpreadConstraints).toEqual([
        expect.objectContaining({
          topologyKey: 'kubernetes.io/hostname',
          whenUnsatisfiable: 'ScheduleAnyway',
          labelSelector: { matchLabels: deployment(env, component).spec!.selector.matchLabels },
        }),
      ]);
    }
  });

  it('configuration: API_URL, AUTH_JWKS_URL and BETTER_AUTH_URL point at the right Services', () => {
    const api = findObject<IConfigMap>(objects(env), 'ConfigMap', '-api-config').data!;
    const web = findObject<IConfigMap>(objects(env), 'ConfigMap', '-web-config').data!;
    const webSvc = findObject<IService>(objects(env), 'Service', '-web');
    const apiSvc = findObject<IService>(objects(env), 'Service', '-api');
    expect(api.AUTH_JWKS_URL).toBe(`http://${webSvc.metadata!.name}:${webSvc.spec!.ports![0]!.port}/api/auth/jwks`);
    expect(web.API_URL).toBe(`http://${apiSvc.metadata!.name}:8000`);
    expect(api.BETTER_AUTH_URL).toBe(web.BETTER_AUTH_URL);
    expect(api.PORT).toBe('8000');
    expect(web.PORT).toBe('3000');
    expect(web.HOSTNAME).toBe('0.0.0.0');
  });

  it('web.trustedOrigins reach better-auth as BETTER_AUTH_TRUSTED_ORIGINS only when set', () => {
    const web = findObject<IConfigMap>(objects(env), 'ConfigMap', '-web-config').data!;
    const origins = (valueOf(env, 'web.trustedOrigins') ?? []) as string[];
    if (env === 'dev') {
      // the Minikube NodePort on the node IP (minikube service --url) signs in, not only publicUrl
      expect(origins).toEqual(expect.arrayContaining([expect.stringMatching(/^http:\/\/192\.168\.\*\.\*:30080$/)]));
      expect(web.BETTER_AUTH_TRUSTED_ORIGINS!.split(',')).toEqual(origins);
    } else {
      expect(origins).toEqual([]);
      expect(web).not.toHaveProperty('BETTER_AUTH_TRUSTED_ORIGINS');
    }
  });

  it('FR-025: api HPA 2->10 (prod floor 3) at 70 % CPU with scale-down stabilization', () => {
    const hpa = findObject<IHorizontalPodAutoscaler>(objects(env), 'HorizontalPodAutoscaler', '-api');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec!.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: deployment(env, 'api').metadata!.name,
    });
    expect(hpa.spec!.minReplicas).toBe(env === 'prod' ? 3 : 2);
    expect(hpa.spec!.maxReplicas).toBe(10);
    expect(hpa.spec!.metrics).toEqual([
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
    ]);
    expect(hpa.spec!.behavior!.scaleDown!.stabilizationWindowSeconds).toBeGreaterThan(0);
  });

  it('PodDisruptionBudgets keep one web and one api pod', () => {
    for (const component of ['api', 'web'] as const) {
      const pdb = findObject<IPodDisruptionBudget>(objects(env), 'PodDisruptionBudget', `-${component}`);
      expect(pdb.spec!.minAvailable).toBe(1);
      expect(pdb.spec!.selector!.matchLabels).toEqual(deployment(env, component).spec!.selector.matchLabels);
    }
  });

  it('NetworkPolicy: api only from web, migration Job and test pods; DNS + DB egress; web open on its port', () => {
    const labelsOf = (kind: string, suffix: string): Record<string, string> => {
      const o = findObject<IDeployment>(objects(env), kind, suffix);
      return o.spec!.template.metadata!.labels!;
    };
    const matches = (selector: Record<string, string>, labels: Record<string, string>) =>
      Object.entries(selector).every(([k, v]) => labels[k] === v);
    const api = findObject<INetworkPolicy>(objects(env), 'NetworkPolicy', '-api').spec!;
    expect(api.podSelector!.matchLabels).toEqual(deployment(env, 'api').spec!.selector.matchLabels);
    expect(api.policyTypes).toEqual(['Ingress', 'Egress']);
    const podRules = api.ingress!.filter((r) => r.from!.every((p) => p.podSelector && !p.namespaceSelector));
    expect(podRules).toHaveLength(1);
    const from = podRules[0]!.from!.map((p) => p.podSelector!.matchLabels!);
    expect(podRules[0]!.ports).toEqual([{ protocol: 'TCP', port: 8000 }]);
    const clients = [labelsOf('Deployment', '-web'), labelsOf('Job', '-migrate')];
    if (env === 'dev')
      clients.push(
        labelsOf('Job', '-test-chat'),
        findObject<IPod>(objects(env), 'Pod', '-test-health').metadata!.labels!,
      );
    for (const labels of clients) expect(from.some((sel) => matches(sel, labels))).toBe(true);
    // ... and nobody else: not the api itself, not the database
    expect(from.some((sel) => matches(sel, labelsOf('Deployment', '-api')))).toBe(false);
    expect(from.every((sel) => Object.keys(sel).includes('app.kubernetes.io/component'))).toBe(true);
    const egressPorts = api.egress!.flatMap((e) => e.ports ?? []);
    expect(egressPorts).toEqual(
      expect.arrayContaining([
        { protocol: 'UDP', port: 53 },
        { protocol: 'TCP', port: 53 },
        { protocol: 'TCP', port: 5432 },
      ]),
    );
    const dns = api.egress!.find((e) => e.ports?.some((p) => p.port === 53))!;
    expect(dns.to![0]).toEqual({
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
      podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    });
    const db = api.egress!.find((e) => e.ports?.some((p) => p.port === 5432))!;
    if (env === 'dev')
      expect(
        matches(
          db.to![0]!.podSelector!.matchLabels!,
          findObject<IStatefulSet>(objects(env), 'StatefulSet', '-postgresql').spec!.template.metadata!.labels!,
        ),
      ).toBe(true);
    else expect(db.to![0]!.ipBlock).toEqual({ cidr: '0.0.0.0/0' });

    const web = findObject<INetworkPolicy>(objects(env), 'NetworkPolicy', '-web').spec!;
    expect(web.ingress).toEqual([{ ports: [{ protocol: 'TCP', port: 3000 }] }]);
    const webEgress = web.egress!.flatMap((e) => e.ports ?? []);
    expect(webEgress).toEqual(
      expect.arrayContaining([
        { protocol: 'TCP', port: 8000 },
        { protocol: 'UDP', port: 53 },
        { protocol: 'TCP', port: 5432 },
      ]),
    );
  });

  it('Prometheus scrapes the api: pod annotations, and a NetworkPolicy rule admitting the monitoring namespace to that port', () => {
    const annotations = deployment(env, 'api').spec!.template.metadata!.annotations!;
    expect(annotations).toMatchObject({ 'prometheus.io/scrape': 'true', 'prometheus.io/path': '/metrics' });
    const port = Number(annotations['prometheus.io/port']);
    expect(container(deployment(env, 'api')).ports!.map((p) => p.containerPort)).toContain(port);
    const rules = findObject<INetworkPolicy>(objects(env), 'NetworkPolicy', '-api').spec!.ingress!;
    const metrics = rules.filter((r) => r.from!.some((p) => p.namespaceSelector));
    expect(metrics).toEqual([
      {
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
        ports: [{ protocol: 'TCP', port }],
      },
    ]);
  });

  it('/metrics has its own port: the api listens there (METRICS_PORT), the Service and the app port rule do not expose it', () => {
    const metricsPort = container(deployment(env, 'api')).ports!.find((p) => p.name === 'metrics')!.containerPort;
    expect(findObject<IConfigMap>(objects(env), 'ConfigMap', '-api-config').data!.METRICS_PORT).toBe(
      String(metricsPort),
    );
    expect(findObject<IService>(objects(env), 'Service', '-api').spec!.ports!.map((p) => p.targetPort)).toEqual([
      'http',
    ]);
    const appRule = findObject<INetworkPolicy>(objects(env), 'NetworkPolicy', '-api').spec!.ingress!.find((r) =>
      r.from!.some((p) => p.podSelector),
    )!;
    expect(appRule.ports).toEqual([{ protocol: 'TCP', port: 8000 }]);
    expect(metricsPort).not.toBe(8000);
  });

  it('trusted proxies: none without the Ingress; with it, its controller addresses, for web and api alike', () => {
    const proxies = (set: string[]) =>
      ['-api-config', '-web-config'].map(
        (name) => findObject<IConfigMap>(render({ env, set }), 'ConfigMap', name).data!.TRUSTED_PROXIES,
      );
    expect(proxies(['ingress.enabled=false'])).toEqual([undefined, undefined]);
    expect(proxies(['ingress.enabled=true', 'ingress.host=', 'publicUrl=https://todo.example.com'])).toEqual([
      '10.244.0.0/16',
      '10.244.0.0/16',
    ]);
    expect(proxies(['ingress.enabled=false', 'trustedProxies={10.0.0.1,10.1.0.0/16}'])).toEqual([
      '10.0.0.1,10.1.0.0/16',
      '10.0.0.1,10.1.0.0/16',
    ]);
  });

  it(`security headers: ${env === 'prod' ? 'prod is served over https (HSTS, Secure cookies) through a TLS Ingress whose controller is a trusted proxy' : 'dev is plain http on the NodePort'}`, () => {
    const web = findObject<IConfigMap>(objects(env), 'ConfigMap', '-web-config').data!;
    const ingress = objects(env).find((o) => o.kind === 'Ingress') as unknown as
      | { spec: { tls?: { hosts: string[] }[] } }
      | undefined;
    if (env === 'prod') {
      // The web app turns HSTS, upgrade-insecure-requests and Secure cookies on for an https public URL.
      expect(web.BETTER_AUTH_URL).toMatch(/^https:\/\//);
      expect(ingress?.spec.tls?.[0]?.hosts).toEqual([new URL(web.BETTER_AUTH_URL!).host]);
      expect(web.TRUSTED_PROXIES).toBeDefined();
    } else {
      expect(web.BETTER_AUTH_URL).toMatch(/^http:\/\/localhost:/);
      expect(ingress).toBeUndefined();
    }
  });

  it(`chat turns per user and minute: ${env === 'prod' ? '30 in prod (model cost)' : 'unlimited in dev'}`, () => {
    expect(findObject<IConfigMap>(objects(env), 'ConfigMap', '-api-config').data!.CHAT_RATE_LIMIT_PER_MINUTE).toBe(
      env === 'prod' ? '30' : undefined,
    );
  });

  it('LLM egress: every configured port (default 443 only)', () => {
    const egress = findObject<INetworkPolicy>(objects(env), 'NetworkPolicy', '-api').spec!.egress!;
    const llm = egress.filter((e) => e.to?.some((t) => t.ipBlock) && !e.ports?.some((p) => p.port === 5432));
    expect(llm).toEqual([{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ protocol: 'TCP', port: 443 }] }]);
  });

  it('ServiceAccount without token automount, used by web and api', () => {
    const sa = findObject<IServiceAccount>(objects(env), 'ServiceAccount', '');
    expect(sa.automountServiceAccountToken).toBe(false);
    for (const component of ['api', 'web'] as const)
      expect(deployment(env, component).spec!.template.spec!.serviceAccountName).toBe(sa.metadata!.name);
  });

  it('migration Job: Argo CD Sync hook in a wave before the workloads, Helm post-install/pre-upgrade, migrate command, bounded', () => {
    const job = findObject<IJob>(objects(env), 'Job', '-migrate');
    expect(job.metadata!.annotations).toEqual({
      'argocd.argoproj.io/hook': 'Sync',
      'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation',
      'argocd.argoproj.io/sync-wave': expect.stringMatching(/^-[1-9][0-9]*$/),
      'helm.sh/hook': 'post-install,pre-upgrade',
      'helm.sh/hook-delete-policy': 'before-hook-creation,hook-succeeded',
    });
    const c = job.spec!.template.spec!.containers[0]!;
    expect(c.command).toEqual(['node', 'dist/migrate.js']);
    expect(c.image).toBe(container(deployment(env, 'api')).image);
    expect(job.spec!.backoffLimit).toBeGreaterThan(0);
    expect(job.spec!.activeDeadlineSeconds).toBeGreaterThan(0);
    expect(job.spec!.template.spec!.restartPolicy).toBe('Never');
    // the chart's ServiceAccount exists by then (chart-sync-order.spec.ts proves it for both orders)
    expect(job.spec!.template.spec!.serviceAccountName).toBe(
      findObject<IServiceAccount>(objects(env), 'ServiceAccount', '').metadata!.name,
    );
    expect(c.env!.find((e) => e.name === 'DATABASE_URL')!.valueFrom!.secretKeyRef!.key).toBe('DATABASE_URL');
  });

  it('whatever the Job reads exists before it: its Secret is an ordinary object in an earlier sync wave', () => {
    const job = findObject<IJob>(objects(env), 'Job', '-migrate');
    const wave = (o: K8sObject) => Number(o.metadata.annotations?.['argocd.argoproj.io/sync-wave'] ?? 0);
    const secretName = job.spec!.template.spec!.containers[0]!.env!.find((e) => e.name === 'DATABASE_URL')!.valueFrom!
      .secretKeyRef!.name;
    const secret = objects(env).find(
      (o) => (o.kind === 'Secret' || o.kind === 'SealedSecret') && o.metadata.name === secretName,
    )!;
    expect(secret).toBeDefined();
    // hooks are deleted and recreated on every sync: a Secret (or the database) must never be one
    expect(Object.keys(secret.metadata.annotations ?? {})).toEqual(['argocd.argoproj.io/sync-wave']);
    expect(wave(secret)).toBeLessThan(wave(job as unknown as K8sObject));
    // the chart never creates values that churn under Argo CD
    expect(JSON.stringify(objects(env))).not.toMatch(/randAlphaNum|lookup/);
  });

  it('no image uses the tag latest or no tag', () => {
    for (const [where, spec] of podSpecs(objects(env))) {
      for (const c of spec.containers) {
        expect({ where, image: c.image }).toEqual({
          where,
          image: expect.stringMatching(/^[^:]+:[A-Za-z0-9_][A-Za-z0-9_.-]*$/),
        });
        expect(c.image!.endsWith(':latest')).toBe(false);
      }
    }
  });

  it('every api/web/migrate/test container runs repository:tag from the effective values, in one lower-case ghcr.io owner', () => {
    const images = { api: '', web: '' };
    for (const component of ['api', 'web'] as const) {
      const repository = valueOf(env, `${component}.image.repository`) as string;
      expect(repository).toMatch(new RegExp(`^ghcr\\.io\\/[a-z0-9][a-z0-9-]*\\/todo-chatbot-${component}$`));
      const tag = valueOf(env, `${component}.image.tag`);
      expect(typeof tag).toBe('string');
      expect(tag).not.toMatch(/^(latest)?$/);
      images[component] = `${repository}:${tag as string}`;
    }
    expect(images.api.split('/')[1]).toBe(images.web.split('/')[1]);
    const byComponent: Record<string, string> = {
      api: images.api,
      migrate: images.api,
      test: images.api,
      web: images.web,
    };
    const checked = podSpecs(objects(env)).filter(([where]) => !where.includes('postgresql'));
    expect(checked.length).toBeGreaterThanOrEqual(3);
    for (const o of objects(env)) {
      const component = o.metadata.labels?.component ?? '';
      const spec = podSpecs([o])[0]?.[1];
      if (!spec || !(component in byComponent)) continue;
      for (const c of spec.containers)
        expect({ where: `${o.kind}/${o.metadata.name}`, image: c.image }).toEqual({
          where: `${o.kind}/${o.metadata.name}`,
          image: byComponent[component],
        });
    }
  });
});

describe('environment-specific secrets and database', () => {
  it('dev: chart-made Secret with the three keys, in-cluster PostgreSQL that DATABASE_URL points at', () => {
    const dev = objects('dev');
    const secret = findObject<ISecret>(dev, 'Secret', '-secrets');
    expect(Object.keys(secret.stringData!).sort()).toEqual(['BETTER_AUTH_SECRET', 'DATABASE_URL', 'OPENAI_API_KEY']);
    expect(secret.stringData!.BETTER_AUTH_SECRET).toMatch(/dev-only/);
    const sts = findObject<IStatefulSet>(dev, 'StatefulSet', '-postgresql');
    const pg = sts.spec!.template.spec!.containers[0]!;
    expect(pg.image).toBe('postgres:17-alpine');
    expect(pg.readinessProbe!.exec!.command!.join(' ')).toContain('pg_isready');
    expect(sts.spec!.volumeClaimTemplates![0]!.spec!.resources!.requests!.storage).toBe('1Gi');
    const svc = findObject<IService>(dev, 'Service', '-postgresql');
    const dbSecret = findObject<ISecret>(dev, 'Secret', '-postgresql');
    expect(dbSecret.stringData!.DATABASE_URL).toMatch(
      new RegExp(`^postgresql://todo:[^@]+@${svc.metadata!.name}:5432/todo$`),
    );
    expect(secret.stringData!.DATABASE_URL).toBe(dbSecret.stringData!.DATABASE_URL);
    const dbRef = container(deployment('dev', 'api')).env!.find((e) => e.name === 'DATABASE_URL')!.valueFrom!
      .secretKeyRef!;
    expect(dbRef.name).toBe(dbSecret.metadata!.name);
    expect(dev.some((o) => o.kind === 'SealedSecret')).toBe(false);
  });

  it('prod: a SealedSecret from the environment file, no plain Secret, no in-cluster database', () => {
    const prod = objects('prod');
    const sealed = findObject<ISealedSecret>(prod, 'SealedSecret', '-secrets');
    expect(sealed.apiVersion).toBe('bitnami.com/v1alpha1');
    expect(Object.keys(sealed.spec.encryptedData).sort()).toEqual([
      'BETTER_AUTH_SECRET',
      'DATABASE_URL',
      'OPENAI_API_KEY',
    ]);
    expect(sealed.spec.template!.metadata!.name).toBe(sealed.metadata!.name);
    for (const component of ['api', 'web'] as const) {
      for (const e of container(deployment('prod', component)).env!)
        if (e.valueFrom?.secretKeyRef) expect(e.valueFrom.secretKeyRef.name).toBe(sealed.metadata!.name);
    }
    expect(prod.some((o) => o.kind === 'Secret' || o.kind === 'StatefulSet')).toBe(false);
  });

  it('FR-036: dev renders the tests (health Pod + chat-turn Job); prod leaves them out', () => {
    const tests = objects('dev').filter((o) => o.metadata.annotations?.['helm.sh/hook'] === 'test');
    expect(tests.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual([
      'Job/chatbot-test-chat',
      'Pod/chatbot-test-health',
    ]);
    expect(objects('prod').some((o) => o.metadata.annotations?.['helm.sh/hook'] === 'test')).toBe(false);
    const job = findObject<IJob>(objects('dev'), 'Job', '-test-chat');
    // helm test runs it; Argo CD runs it after every sync, and a failed chat turn fails the sync
    expect(job.metadata!.annotations).toEqual({
      'helm.sh/hook': 'test',
      'helm.sh/hook-delete-policy': 'before-hook-creation',
      'argocd.argoproj.io/hook': 'PostSync',
      'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation',
    });
    expect(job.spec!.backoffLimit).toBeGreaterThanOrEqual(1);
    expect(job.spec!.backoffLimit).toBeLessThanOrEqual(3);
    expect(job.spec!.activeDeadlineSeconds).toBeGreaterThan(0);
    expect(job.spec!.activeDeadlineSeconds).toBeLessThanOrEqual(600);
    expect(job.spec!.template.metadata!.labels!.component).toBe('test');
    expect(job.spec!.template.spec!.restartPolicy).toBe('Never');
    const health = findObject<IPod>(objects('dev'), 'Pod', '-test-health');
    expect(health.metadata!.annotations).toEqual({
      'helm.sh/hook': 'test',
      'helm.sh/hook-delete-policy': 'before-hook-creation',
    });
    const chat = job.spec!.template.spec!.containers[0]!;
    expect(chat.command!.slice(0, 2)).toEqual(['node', '-e']);
    expect(chat.command![2]).toContain('/api/auth/sign-up/email');
    expect(chat.command![2]).toContain('/api/chat');
    expect(chat.image).toBe(container(deployment('dev', 'api')).image);
  });
});
