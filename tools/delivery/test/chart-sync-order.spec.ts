/**
 * What exists before what when Argo CD syncs the chart (phases, waves, kinds) and when plain Helm installs or
 * upgrades it: the migration Job finds its Secret, ServiceAccount and database; the workloads find the
 * migrated schema; the smoke Job runs last; nothing that holds state is a hook (hooks are recreated).
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { type Environment, type K8sObject, render } from '../src/chart.js';
import {
  type ArgoStep,
  type HelmAction,
  argoHook,
  argoSyncOrder,
  helmOrder,
  ref,
  settledBefore,
} from '../src/sync-order.js';

const ENVS: Environment[] = ['dev', 'prod'];
const STATEFUL = ['StatefulSet', 'PersistentVolumeClaim', 'Secret', 'SealedSecret', 'Service'];
const rendered = new Map<string, K8sObject[]>();

beforeAll(() => {
  for (const env of ENVS) {
    rendered.set(env, render({ env }));
    // prod leaves the smoke test out by default; render it too so its ordering is checked there as well
    rendered.set(`${env}+tests`, render({ env, set: ['tests.enabled=true'] }));
  }
});
const objectsOf = (key: string): K8sObject[] => structuredClone(rendered.get(key) ?? []);

const isMigration = (o: K8sObject) => o.kind === 'Job' && o.metadata.name.endsWith('-migrate');
const isSmoke = (o: K8sObject) => o.kind === 'Job' && o.metadata.name.endsWith('-test-chat');

function podSpecOf(o: K8sObject): IPodSpec | undefined {
  if (o.kind === 'Pod') return (o as { spec?: IPodSpec }).spec;
  return (o as { spec?: { template?: { spec?: IPodSpec } } }).spec?.template?.spec;
}

/** Names of the Secrets, ConfigMaps and ServiceAccount a pod needs before it can start. */
function inputsOf(spec: IPodSpec): { secrets: string[]; configMaps: string[]; serviceAccount?: string } {
  const containers = [...(spec.initContainers ?? []), ...spec.containers];
  const secrets = containers.flatMap((c) => [
    ...(c.env ?? []).flatMap((e) => (e.valueFrom?.secretKeyRef ? [e.valueFrom.secretKeyRef.name!] : [])),
    ...(c.envFrom ?? []).flatMap((e) => (e.secretRef ? [e.secretRef.name!] : [])),
  ]);
  const configMaps = containers.flatMap((c) => [
    ...(c.env ?? []).flatMap((e) => (e.valueFrom?.configMapKeyRef ? [e.valueFrom.configMapKeyRef.name!] : [])),
    ...(c.envFrom ?? []).flatMap((e) => (e.configMapRef ? [e.configMapRef.name!] : [])),
  ]);
  for (const v of spec.volumes ?? []) {
    if (v.secret?.secretName) secrets.push(v.secret.secretName);
    if (v.configMap?.name) configMaps.push(v.configMap.name);
  }
  return {
    secrets: [...new Set(secrets)],
    configMaps: [...new Set(configMaps)],
    serviceAccount: spec.serviceAccountName,
  };
}

/** What breaks Argo CD's order; [] when the chart is right. */
function argoProblems(objects: readonly K8sObject[]): string[] {
  const steps = argoSyncOrder(objects);
  const problems: string[] = [];
  const find = (kinds: string[], name: string) =>
    steps.find((s) => kinds.includes(s.object.kind) && s.object.metadata.name === name);
  const needs = (reader: ArgoStep, input: ArgoStep | undefined, what: string) => {
    if (!input) problems.push(`${ref(reader.object)} reads ${what}, which the chart does not sync`);
    else if (!settledBefore(input, reader))
      problems.push(`${ref(input.object)} is not healthy before ${ref(reader.object)} starts`);
  };
  const jobs = steps.filter((s) => isMigration(s.object));
  if (jobs.length !== 1 || jobs[0]!.phase !== 'Sync' || !jobs[0]!.hook) {
    problems.push(
      `the migration Job must run once per sync as a Sync hook: ${jobs.map((s) => `${s.phase}${s.hook ? ' hook' : ''}`).join(', ') || 'never'}`,
    );
  }
  const job = jobs[0];
  for (const reader of steps.filter((s) => podSpecOf(s.object))) {
    const inputs = inputsOf(podSpecOf(reader.object)!);
    for (const name of inputs.secrets) {
      const secret = find(['Secret', 'SealedSecret'], name);
      needs(reader, secret, `Secret ${name}`);
      if (job && secret && !settledBefore(secret, job))
        problems.push(`${ref(secret.object)} is not healthy before the migration Job`);
    }
    for (const name of inputs.configMaps) needs(reader, find(['ConfigMap'], name), `ConfigMap ${name}`);
    const sa = inputs.serviceAccount && find(['ServiceAccount'], inputs.serviceAccount);
    if (sa && !settledBefore(sa, reader)) problems.push(`${ref(sa.object)} is not there before ${ref(reader.object)}`);
  }
  if (job) {
    for (const db of steps.filter(
      (s) => ['StatefulSet', 'Service'].includes(s.object.kind) && s.object.metadata.name.endsWith('-postgresql'),
    )) {
      if (!settledBefore(db, job)) problems.push(`${ref(db.object)} is not healthy before the migration Job`);
    }
    for (const d of steps.filter((s) => s.object.kind === 'Deployment')) {
      if (!settledBefore(job, d)) problems.push(`${ref(d.object)} may start before the migration Job has finished`);
    }
  }
  for (const smoke of steps.filter((s) => isSmoke(s.object))) {
    if (smoke.phase !== 'PostSync') problems.push(`the smoke Job runs in ${smoke.phase}, not PostSync`);
    for (const s of steps)
      if (s !== smoke && !isSmoke(s.object) && !settledBefore(s, smoke))
        problems.push(`${ref(s.object)} is not healthy before the smoke Job`);
  }
  for (const o of objects) {
    if (STATEFUL.includes(o.kind) && (argoHook(o).hook || o.metadata.annotations?.['helm.sh/hook'] !== undefined))
      problems.push(`${ref(o)} holds state but is a hook`);
  }
  return problems;
}

/** What breaks a plain `helm install` / `helm upgrade`; [] when the chart is right. */
function helmProblems(objects: readonly K8sObject[], action: HelmAction): string[] {
  const steps = helmOrder(objects, action);
  const problems: string[] = [];
  const jobs = steps.filter((s) => isMigration(s.object));
  const stage = action === 'install' ? 'post' : 'pre';
  if (jobs.length !== 1 || jobs[0]!.stage !== stage)
    problems.push(`helm ${action} must run the migration Job once as a ${stage}-${action} hook`);
  for (const job of jobs) {
    const inputs = inputsOf(podSpecOf(job.object)!);
    const wanted = [
      ...inputs.secrets.map((name) => [`Secret/${name}`, `SealedSecret/${name}`]),
      ...(inputs.serviceAccount && objects.some((o) => o.kind === 'ServiceAccount')
        ? [[`ServiceAccount/${inputs.serviceAccount}`]]
        : []),
      ...objects
        .filter((o) => ['StatefulSet', 'Service'].includes(o.kind) && o.metadata.name.endsWith('-postgresql'))
        .map((o) => [ref(o)]),
    ];
    for (const alternatives of wanted) {
      if (!alternatives.some((r) => job.live.has(r)))
        problems.push(`helm ${action}: ${alternatives[0]} does not exist when the migration Job runs`);
    }
  }
  for (const s of steps) {
    if (isSmoke(s.object)) problems.push(`helm ${action} runs the smoke Job (it belongs to helm test)`);
    if (s.stage !== 'release' && STATEFUL.includes(s.object.kind))
      problems.push(`helm ${action}: ${ref(s.object)} holds state but is a hook`);
  }
  return problems;
}

const obj = (kind: string, name: string, annotations?: Record<string, string>): K8sObject => ({
  apiVersion: 'v1',
  kind,
  metadata: { name, annotations },
});

describe('the sync-order simulator', () => {
  it('orders Argo CD steps by phase, then wave, then kind (unknown kinds last), then name', () => {
    const objects = [
      obj('Widget', 'a'),
      obj('Deployment', 'b'),
      obj('Deployment', 'a'),
      obj('Job', 'post', { 'argocd.argoproj.io/hook': 'PostSync' }),
      obj('Service', 'svc'),
      obj('Job', 'pre', { 'argocd.argoproj.io/hook': 'PreSync', 'argocd.argoproj.io/sync-wave': '5' }),
      obj('Secret', 'early', { 'argocd.argoproj.io/sync-wave': '-1' }),
      obj('Namespace', 'late', { 'argocd.argoproj.io/sync-wave': '1' }),
    ];
    expect(argoSyncOrder(objects).map((s) => `${s.phase} ${s.wave} ${ref(s.object)}`)).toEqual([
      'PreSync 5 Job/pre',
      'Sync -1 Secret/early',
      'Sync 0 Service/svc',
      'Sync 0 Deployment/a',
      'Sync 0 Deployment/b',
      'Sync 0 Widget/a',
      'Sync 1 Namespace/late',
      'PostSync 0 Job/post',
    ]);
  });

  it('maps Helm hooks as Argo CD does; its own hook annotation wins; test hooks and Skip never run', () => {
    const phases = (annotations: Record<string, string>) => argoHook(obj('Job', 'j', annotations));
    expect(phases({ 'helm.sh/hook': 'pre-install,pre-upgrade' })).toEqual({ hook: true, phases: ['PreSync'] });
    expect(phases({ 'helm.sh/hook': 'post-install' })).toEqual({ hook: true, phases: ['PostSync'] });
    expect(phases({ 'helm.sh/hook': 'post-install,pre-upgrade', 'argocd.argoproj.io/hook': 'Sync' })).toEqual({
      hook: true,
      phases: ['Sync'],
    });
    expect(phases({ 'helm.sh/hook': 'test' })).toEqual({ hook: true, phases: [] });
    expect(phases({ 'argocd.argoproj.io/hook': 'Skip' })).toEqual({ hook: true, phases: [] });
    expect(phases({ 'helm.sh/hook': 'crd-install' })).toEqual({ hook: false, phases: ['Sync'] });
    expect(phases({})).toEqual({ hook: false, phases: ['Sync'] });
    expect(() => argoSyncOrder([obj('Job', 'j', { 'argocd.argoproj.io/sync-wave': 'soon' })])).toThrow(
      /not an integer/,
    );
  });

  it('only an earlier phase or wave counts as settled before (a wave is applied at once)', () => {
    const [a, b, c, d] = argoSyncOrder([
      obj('Secret', 'a', { 'argocd.argoproj.io/sync-wave': '-1' }),
      obj('ConfigMap', 'b'),
      obj('Deployment', 'c'),
      obj('Job', 'd', { 'argocd.argoproj.io/hook': 'PostSync', 'argocd.argoproj.io/sync-wave': '-9' }),
    ]) as [ArgoStep, ArgoStep, ArgoStep, ArgoStep];
    expect([
      settledBefore(a, b),
      settledBefore(b, c),
      settledBefore(c, b),
      settledBefore(c, d),
      settledBefore(d, a),
    ]).toEqual([true, false, false, true, false]);
  });

  it('Helm: pre hooks, the release by kind, post hooks; upgrade starts from the previous release; hook-succeeded hooks go away', () => {
    const objects = [
      obj('Deployment', 'app'),
      obj('Job', 'post', { 'helm.sh/hook': 'post-install,post-upgrade' }),
      obj('Job', 'pre', { 'helm.sh/hook': 'pre-install,pre-upgrade', 'helm.sh/hook-delete-policy': 'hook-succeeded' }),
      obj('Secret', 's'),
      obj('Pod', 'test', { 'helm.sh/hook': 'test' }),
    ];
    const install = helmOrder(objects, 'install');
    expect(install.map((s) => `${s.stage} ${ref(s.object)}`)).toEqual([
      'pre Job/pre',
      'release Secret/s',
      'release Deployment/app',
      'post Job/post',
    ]);
    expect([...install[0]!.live]).toEqual([]);
    expect([...install[3]!.live].sort()).toEqual(['Deployment/app', 'Secret/s']);
    const upgrade = helmOrder(objects, 'upgrade');
    expect([...upgrade[0]!.live].sort()).toEqual(['Deployment/app', 'Secret/s']);
  });
});

describe.each(ENVS)('sync order of %s', (env) => {
  it.each([
    ['as configured', ''],
    ['with tests.enabled=true', '+tests'],
  ])('Argo CD: inputs, database, migration Job, workloads, smoke Job, in that order (%s)', (_what, variant) => {
    expect(argoProblems(objectsOf(`${env}${variant}`))).toEqual([]);
  });

  it('every Secret a pod reads is synced before the migration Job, which precedes the api and web Deployments', () => {
    const steps = argoSyncOrder(objectsOf(env));
    const job = steps.find((s) => isMigration(s.object))!;
    const secrets = new Set(
      steps.filter((s) => podSpecOf(s.object)).flatMap((s) => inputsOf(podSpecOf(s.object)!).secrets),
    );
    expect(secrets.size).toBeGreaterThan(0);
    for (const name of secrets) {
      const secret = steps.find(
        (s) => ['Secret', 'SealedSecret'].includes(s.object.kind) && s.object.metadata.name === name,
      )!;
      expect({ name, before: settledBefore(secret, job) }).toEqual({ name, before: true });
    }
    const deployments = steps
      .filter((s) => s.object.kind === 'Deployment')
      .map((s) => s.object.metadata.name.replace(/^.*-/, ''));
    expect(deployments.sort()).toEqual(['api', 'web']);
    for (const d of steps.filter((s) => s.object.kind === 'Deployment')) expect(settledBefore(job, d)).toBe(true);
    if (env === 'dev') {
      const db = steps.filter(
        (s) => s.object.metadata.name.endsWith('-postgresql') && ['StatefulSet', 'Service'].includes(s.object.kind),
      );
      expect(db.map((s) => s.object.kind).sort()).toEqual(['Service', 'StatefulSet']);
      for (const s of db) expect(settledBefore(s, job)).toBe(true);
    }
  });

  it('the smoke Job is the last step, PostSync, after everything else', () => {
    const steps = argoSyncOrder(objectsOf(`${env}+tests`));
    const last = steps[steps.length - 1]!;
    expect(isSmoke(last.object)).toBe(true);
    expect(last.phase).toBe('PostSync');
    expect(steps.filter((s) => s.phase !== 'Sync').map((s) => ref(s.object))).toEqual([ref(last.object)]);
  });

  it('nothing that holds state is a hook, in Argo CD or Helm: only Jobs and test Pods are', () => {
    for (const o of objectsOf(`${env}+tests`)) {
      const hook = argoHook(o).hook || o.metadata.annotations?.['helm.sh/hook'] !== undefined;
      if (hook) expect(['Job', 'Pod']).toContain(o.kind);
    }
    expect(objectsOf(env).filter((o) => STATEFUL.includes(o.kind)).length).toBeGreaterThan(2);
  });

  it.each(['install', 'upgrade'] as const)(
    'helm %s: the migration Job runs when its Secret, ServiceAccount and database exist',
    (action) => {
      expect(helmProblems(objectsOf(`${env}+tests`), action)).toEqual([]);
      const job = helmOrder(objectsOf(env), action).find((s) => isMigration(s.object))!;
      expect(job.stage).toBe(action === 'install' ? 'post' : 'pre');
      if (env === 'dev')
        for (const db of ['StatefulSet/chatbot-postgresql', 'Service/chatbot-postgresql'])
          expect(job.live.has(db)).toBe(true);
    },
  );
});

describe('the order checks catch a broken chart', () => {
  const annotate = (objects: K8sObject[], match: (o: K8sObject) => boolean, annotations: Record<string, string>) => {
    for (const o of objects.filter(match)) o.metadata.annotations = annotations;
    return objects;
  };

  it('the old design: database and Secrets as PreSync / pre-install hooks', () => {
    const old = annotate(
      objectsOf('dev'),
      (o) => ['Secret', 'Service', 'StatefulSet'].includes(o.kind) && /-(postgresql|secrets)$/.test(o.metadata.name),
      {
        'helm.sh/hook': 'pre-install,pre-upgrade',
        'argocd.argoproj.io/hook': 'PreSync',
        'argocd.argoproj.io/sync-wave': '-5',
      },
    );
    expect(argoProblems(old)).toEqual(
      expect.arrayContaining([
        'StatefulSet/chatbot-postgresql holds state but is a hook',
        'Secret/chatbot-secrets holds state but is a hook',
      ]),
    );
    expect(helmProblems(old, 'install')).toEqual(
      expect.arrayContaining(['helm install: StatefulSet/chatbot-postgresql holds state but is a hook']),
    );
  });

  it('a migration Job in the workloads wave, or as a pre-install hook', () => {
    const sameWave = annotate(objectsOf('dev'), isMigration, { 'argocd.argoproj.io/hook': 'Sync' });
    expect(argoProblems(sameWave)).toEqual(
      expect.arrayContaining(['Deployment/chatbot-api may start before the migration Job has finished']),
    );
    const preInstall = annotate(objectsOf('prod'), isMigration, {
      'helm.sh/hook': 'pre-install,pre-upgrade',
      'argocd.argoproj.io/hook': 'Sync',
      'argocd.argoproj.io/sync-wave': '-1',
    });
    expect(helmProblems(preInstall, 'install')).toEqual(
      expect.arrayContaining([
        'helm install must run the migration Job once as a post-install hook',
        'helm install: Secret/chatbot-secrets does not exist when the migration Job runs',
      ]),
    );
  });

  it('a smoke Job outside PostSync, or a Secret in the workloads wave', () => {
    const smoke = annotate(objectsOf('dev'), isSmoke, { 'helm.sh/hook': 'test', 'argocd.argoproj.io/hook': 'Sync' });
    expect(argoProblems(smoke)).toEqual(expect.arrayContaining(['the smoke Job runs in Sync, not PostSync']));
    const secret = annotate(objectsOf('prod'), (o) => o.kind === 'SealedSecret', {});
    expect(argoProblems(secret)).toEqual(
      expect.arrayContaining(['SealedSecret/chatbot-secrets is not healthy before the migration Job']),
    );
  });
});
