/** Every read the CLI makes, through @kubernetes/client-node and the current kubeconfig. */
import {
  ApiException,
  AppsV1Api,
  AutoscalingV2Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  type CoreV1Event,
  type V1Deployment,
  type V1Pod,
  type V2HorizontalPodAutoscaler,
} from '@kubernetes/client-node';

export interface ArgoApplication {
  metadata?: { name?: string; namespace?: string };
  spec?: { destination?: { namespace?: string } };
  status?: { sync?: { status?: string }; health?: { status?: string } };
}

export interface PodMetrics {
  metadata?: { name?: string };
  containers?: { name?: string; usage?: { cpu?: string; memory?: string } }[];
}

export interface HealthSnapshot {
  namespace: string;
  deployments: V1Deployment[];
  pods: V1Pod[];
  events: CoreV1Event[];
  hpas: V2HorizontalPodAutoscaler[];
  /** null when the Argo CD Application CRD is not installed. */
  argoApps: ArgoApplication[] | null;
}

export interface UsageSnapshot {
  namespace: string;
  pods: V1Pod[];
  hpas: V2HorizontalPodAutoscaler[];
  /** null when metrics.k8s.io is not served (metrics-server missing or not ready). */
  podMetrics: PodMetrics[] | null;
}

/** The cluster could not be read at all: exit 2. */
export class ClusterUnreachableError extends Error {}

export interface Cluster {
  kubeConfig: KubeConfig;
  namespace: string;
  server: string;
}

/** KUBECONFIG or ~/.kube/config; the namespace flag wins over the context's namespace, then `default`. */
export function connect(namespaceFlag: string | undefined): Cluster {
  const kubeConfig = new KubeConfig();
  try {
    kubeConfig.loadFromDefault();
  } catch (error) {
    throw new ClusterUnreachableError(`cannot load kubeconfig (${(error as Error).message})`);
  }
  const server = kubeConfig.getCurrentCluster()?.server;
  if (!server) throw new ClusterUnreachableError('the current kubeconfig context names no cluster');
  const contextNamespace = kubeConfig.getContextObject(kubeConfig.getCurrentContext())?.namespace;
  return { kubeConfig, namespace: namespaceFlag ?? contextNamespace ?? 'default', server };
}

/** Turns a failed core read into the one-line "unreachable" reason; API errors keep their HTTP status. */
async function read<T>(cluster: Cluster, what: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof ApiException) {
      throw new ClusterUnreachableError(`${cluster.server} answered HTTP ${error.code} when listing ${what}`);
    }
    // fetch reports network failures (refused, DNS, TLS) as its error's cause; other errors are client-side.
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    if (cause) throw new ClusterUnreachableError(`cannot reach ${cluster.server} (${cause})`);
    throw new ClusterUnreachableError(`cannot read ${what} from ${cluster.server} (${(error as Error).message})`);
  }
}

/** Optional APIs (CRDs, aggregated APIs): 404, or 503 from an unready APIService, means "not installed". */
async function readOptional<T>(cluster: Cluster, what: string, request: () => Promise<T>): Promise<T | null> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof ApiException && (error.code === 404 || error.code === 503)) return null;
    return read(cluster, what, () => Promise.reject(error));
  }
}

const listPods = (cluster: Cluster) =>
  read(cluster, 'pods', () =>
    cluster.kubeConfig.makeApiClient(CoreV1Api).listNamespacedPod({ namespace: cluster.namespace }),
  );

const listHpas = (cluster: Cluster) =>
  read(cluster, 'horizontalpodautoscalers', () =>
    cluster.kubeConfig
      .makeApiClient(AutoscalingV2Api)
      .listNamespacedHorizontalPodAutoscaler({ namespace: cluster.namespace }),
  );

export async function readHealth(cluster: Cluster): Promise<HealthSnapshot> {
  const { kubeConfig, namespace } = cluster;
  // Deployments first and alone: if the cluster is down, one clear error beats five racing ones.
  const deployments = await read(cluster, 'deployments', () =>
    kubeConfig.makeApiClient(AppsV1Api).listNamespacedDeployment({ namespace }),
  );
  const [pods, events, hpas, argo] = await Promise.all([
    listPods(cluster),
    read(cluster, 'events', () =>
      kubeConfig.makeApiClient(CoreV1Api).listNamespacedEvent({ namespace, fieldSelector: 'type=Warning' }),
    ),
    listHpas(cluster),
    // Argo CD keeps its Applications in its own namespace; they are filtered to ours by destination.
    readOptional(cluster, 'argo cd applications', () =>
      kubeConfig.makeApiClient(CustomObjectsApi).listNamespacedCustomObject({
        group: 'argoproj.io',
        version: 'v1alpha1',
        namespace: 'argocd',
        plural: 'applications',
      }),
    ),
  ]);
  const argoApps = argo
    ? ((argo as { items?: ArgoApplication[] }).items ?? []).filter(
        (app) => app.spec?.destination?.namespace === namespace,
      )
    : null;
  return {
    namespace,
    deployments: deployments.items,
    pods: pods.items,
    events: events.items,
    hpas: hpas.items,
    argoApps,
  };
}

export async function readUsage(cluster: Cluster): Promise<UsageSnapshot> {
  const pods = await listPods(cluster);
  const [hpas, metrics] = await Promise.all([
    listHpas(cluster),
    readOptional(cluster, 'pod metrics', () =>
      cluster.kubeConfig.makeApiClient(CustomObjectsApi).listNamespacedCustomObject({
        group: 'metrics.k8s.io',
        version: 'v1beta1',
        namespace: cluster.namespace,
        plural: 'pods',
      }),
    ),
  ]);
  const podMetrics = metrics ? ((metrics as { items?: PodMetrics[] }).items ?? []) : null;
  return { namespace: cluster.namespace, pods: pods.items, hpas: hpas.items, podMetrics };
}
