/**
 * The order in which Argo CD and Helm apply rendered objects, simulated offline so tests can prove what
 * exists before what. Argo CD (gitops-engine): phases PreSync < Sync < PostSync; within a phase by sync-wave,
 * then kind, then name; a wave starts only once the earlier waves are healthy. Helm: pre-<action> hooks, the
 * release's ordinary objects (by kind), then post-<action> hooks; test hooks only on `helm test`.
 */
import type { K8sObject } from './chart.js';

/** The kinds both orders share, in the order both keep (gitops-engine took Helm's and left four out). */
const SHARED_KIND_ORDER = [
  'Namespace',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'PodSecurityPolicy',
  'PodDisruptionBudget',
  'ServiceAccount',
  'Secret',
  'SecretList',
  'ConfigMap',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleList',
  'ClusterRoleBinding',
  'ClusterRoleBindingList',
  'Role',
  'RoleList',
  'RoleBinding',
  'RoleBindingList',
  'Service',
  'DaemonSet',
  'Pod',
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'HorizontalPodAutoscaler',
  'StatefulSet',
  'Job',
  'CronJob',
] as const;

/** gitops-engine's kind order (sync_tasks.go); unknown kinds come last. */
export const ARGO_KIND_ORDER = [...SHARED_KIND_ORDER, 'Ingress', 'APIService'] as const;

/** Helm's InstallOrder (releaseutil/kind_sorter.go); unknown kinds come last. */
export const HELM_KIND_ORDER = [
  'PriorityClass',
  ...SHARED_KIND_ORDER,
  'IngressClass',
  'Ingress',
  'APIService',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
] as const;

export const PHASES = ['PreSync', 'Sync', 'PostSync'] as const;
export type Phase = (typeof PHASES)[number];

export const ref = (o: K8sObject): string => `${o.kind}/${o.metadata.name}`;
const annotation = (o: K8sObject, key: string): string | undefined => o.metadata.annotations?.[key];
const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const kindRank = (order: readonly string[], kind: string): number =>
  order.includes(kind) ? order.indexOf(kind) : order.length;

/** Helm hook → Argo CD phase, as gitops-engine maps them; other Helm hooks (test, *-delete, *-rollback) never run in a sync. */
const HELM_TO_ARGO: Record<string, Phase> = {
  'pre-install': 'PreSync',
  'pre-upgrade': 'PreSync',
  'post-install': 'PostSync',
  'post-upgrade': 'PostSync',
};

/**
 * Whether Argo CD treats the object as a hook, and the phases it is applied in during a successful sync.
 * Its own hook annotation wins over helm.sh/hook; `crd-install` is no hook; Skip is never applied.
 */
export function argoHook(o: K8sObject): { hook: boolean; phases: Phase[] } {
  const own = annotation(o, 'argocd.argoproj.io/hook');
  if (own !== undefined) {
    const types = list(own);
    if (types.includes('Skip')) return { hook: true, phases: [] };
    return { hook: true, phases: PHASES.filter((p) => types.includes(p)) };
  }
  const helm = annotation(o, 'helm.sh/hook');
  if (helm !== undefined && helm !== 'crd-install') {
    return { hook: true, phases: PHASES.filter((p) => list(helm).some((h) => HELM_TO_ARGO[h] === p)) };
  }
  return { hook: false, phases: ['Sync'] };
}

export function syncWave(o: K8sObject): number {
  const raw = annotation(o, 'argocd.argoproj.io/sync-wave') ?? '0';
  const wave = Number(raw);
  if (!Number.isInteger(wave)) throw new Error(`${ref(o)} has a sync-wave that is not an integer: ${raw}`);
  return wave;
}

export interface ArgoStep {
  object: K8sObject;
  phase: Phase;
  wave: number;
  hook: boolean;
}

/** Every (object, phase) Argo CD applies in a successful sync, in its order. */
export function argoSyncOrder(objects: readonly K8sObject[]): ArgoStep[] {
  const steps = objects.flatMap((object) => {
    const { hook, phases } = argoHook(object);
    return phases.map((phase) => ({ object, phase, wave: syncWave(object), hook }));
  });
  return steps.sort(
    (a, b) =>
      PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase) ||
      a.wave - b.wave ||
      kindRank(ARGO_KIND_ORDER, a.object.kind) - kindRank(ARGO_KIND_ORDER, b.object.kind) ||
      a.object.metadata.name.localeCompare(b.object.metadata.name),
  );
}

/** a is applied, and healthy, before b starts: an earlier phase, or an earlier wave of the same phase. */
export function settledBefore(a: ArgoStep, b: ArgoStep): boolean {
  const phase = PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase);
  return phase < 0 || (phase === 0 && a.wave < b.wave);
}

export type HelmAction = 'install' | 'upgrade';

export interface HelmStep {
  object: K8sObject;
  stage: 'pre' | 'release' | 'post';
  /** Objects (kind/name) that exist when this step starts. */
  live: ReadonlySet<string>;
}

const helmHooks = (o: K8sObject): string[] => list(annotation(o, 'helm.sh/hook'));
const isHelmHook = (o: K8sObject): boolean => annotation(o, 'helm.sh/hook') !== undefined;

/**
 * `helm install` / `helm upgrade` (without --wait). On upgrade the previous revision's ordinary objects
 * (`previous`, default: the same render) already exist; hooks deleted on success are not counted as live.
 */
export function helmOrder(
  objects: readonly K8sObject[],
  action: HelmAction,
  previous: readonly K8sObject[] = objects,
): HelmStep[] {
  const live = new Set<string>(action === 'upgrade' ? previous.filter((o) => !isHelmHook(o)).map(ref) : []);
  const byKind = (a: K8sObject, b: K8sObject) => kindRank(HELM_KIND_ORDER, a.kind) - kindRank(HELM_KIND_ORDER, b.kind);
  const weight = (o: K8sObject) => Number(annotation(o, 'helm.sh/hook-weight') ?? '0');
  const hooks = (when: string) =>
    objects
      .filter((o) => helmHooks(o).includes(`${when}-${action}`))
      .sort((a, b) => weight(a) - weight(b) || byKind(a, b) || a.metadata.name.localeCompare(b.metadata.name));
  const steps: HelmStep[] = [];
  const run = (stage: HelmStep['stage'], object: K8sObject) => {
    steps.push({ object, stage, live: new Set(live) });
    const deletedOnSuccess =
      stage !== 'release' && list(annotation(object, 'helm.sh/hook-delete-policy')).includes('hook-succeeded');
    if (!deletedOnSuccess) live.add(ref(object));
  };
  for (const o of hooks('pre')) run('pre', o);
  for (const o of objects.filter((x) => !isHelmHook(x)).sort(byKind)) run('release', o);
  for (const o of hooks('post')) run('post', o);
  return steps;
}
