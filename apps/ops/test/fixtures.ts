/** JSON of the endpoints the CLI reads, for namespace `todo`. */
export const NS = 'todo';
const paths = {
  deployments: `/apis/apps/v1/namespaces/${NS}/deployments`,
  pods: `/api/v1/namespaces/${NS}/pods`,
  events: `/api/v1/namespaces/${NS}/events`,
  hpas: `/apis/autoscaling/v2/namespaces/${NS}/horizontalpodautoscalers`,
  metrics: `/apis/metrics.k8s.io/v1beta1/namespaces/${NS}/pods`,
  argo: '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications',
};

const list = (kind: string, apiVersion: string, items: unknown[]) => ({ kind, apiVersion, metadata: {}, items });

export const deployment = (name: string, replicas: number, ready = replicas) => ({
  metadata: { name, namespace: NS },
  spec: { replicas, selector: { matchLabels: { app: name } }, template: { spec: { containers: [] } } },
  status: { replicas, readyReplicas: ready },
});

interface PodOptions {
  waiting?: string;
  restarts?: number;
  lastTerminated?: string;
  requests?: { cpu: string; memory: string };
  limits?: { cpu: string; memory: string };
}

export const pod = (workload: string, suffix: string, o: PodOptions = {}) => ({
  metadata: {
    name: `${workload}-7f9c6d-${suffix}`,
    namespace: NS,
    ownerReferences: [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${workload}-7f9c6d`, uid: `uid-${workload}` },
    ],
  },
  spec: {
    containers: [
      {
        name: workload.replace('chatbot-', ''),
        image: `ghcr.io/example/${workload}:1.0.0`,
        resources: {
          requests: o.requests ?? { cpu: '100m', memory: '128Mi' },
          limits: o.limits ?? { cpu: '200m', memory: '256Mi' },
        },
      },
    ],
  },
  status: {
    phase: o.waiting ? (o.waiting.includes('Image') ? 'Pending' : 'Running') : 'Running',
    containerStatuses: [
      {
        name: workload.replace('chatbot-', ''),
        image: `ghcr.io/example/${workload}:1.0.0`,
        imageID: '',
        ready: !o.waiting,
        restartCount: o.restarts ?? 0,
        state: o.waiting ? { waiting: { reason: o.waiting } } : { running: { startedAt: '2026-01-01T00:00:00Z' } },
        ...(o.lastTerminated ? { lastState: { terminated: { reason: o.lastTerminated, exitCode: 137 } } } : {}),
      },
    ],
  },
});

export const warning = (object: string, reason: string, message: string, at: Date) => ({
  metadata: { name: `${object}.1`, namespace: NS },
  involvedObject: { kind: 'Pod', name: object, namespace: NS },
  type: 'Warning',
  reason,
  message,
  count: 3,
  lastTimestamp: at.toISOString(),
});

export const hpa = (name: string, o: { min: number; max: number; current: number; cpu: number; target?: number }) => ({
  metadata: { name, namespace: NS },
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
    minReplicas: o.min,
    maxReplicas: o.max,
    metrics: [
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: o.target ?? 70 } },
      },
    ],
  },
  status: {
    currentReplicas: o.current,
    desiredReplicas: o.current,
    currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: o.cpu } } }],
  },
});

export const usage = (podName: string, container: string, cpu: string, memory: string) => ({
  metadata: { name: podName, namespace: NS },
  timestamp: '2026-01-01T00:00:00Z',
  window: '30s',
  containers: [{ name: container, usage: { cpu, memory } }],
});

export const application = (name: string, destination: string, sync: string, health: string) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name, namespace: 'argocd' },
  spec: { destination: { namespace: destination } },
  status: { sync: { status: sync }, health: { status: health } },
});

export interface ClusterState {
  deployments?: unknown[];
  pods?: unknown[];
  events?: unknown[];
  hpas?: unknown[];
  /** omitted: metrics-server missing (404) */
  metrics?: unknown[];
  /** omitted: Argo CD not installed (404) */
  applications?: unknown[];
}

export function routes(state: ClusterState): Record<string, unknown> {
  return {
    [paths.deployments]: list('DeploymentList', 'apps/v1', state.deployments ?? []),
    [paths.pods]: list('PodList', 'v1', state.pods ?? []),
    [paths.events]: list('EventList', 'v1', state.events ?? []),
    [paths.hpas]: list('HorizontalPodAutoscalerList', 'autoscaling/v2', state.hpas ?? []),
    ...(state.metrics ? { [paths.metrics]: list('PodMetricsList', 'metrics.k8s.io/v1beta1', state.metrics) } : {}),
    ...(state.applications
      ? { [paths.argo]: list('ApplicationList', 'argoproj.io/v1alpha1', state.applications) }
      : {}),
  };
}
