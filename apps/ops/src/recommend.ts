/**
 * Pure: metrics.k8s.io usage + pod specs + HPAs → right-sizing and HPA advice, each with its numbers.
 *
 * Sizing rule, per workload container, from the peak usage across that workload's pods:
 * - request = observed × 1.3 (30% headroom), rounded up to a step: CPU 10m below 100m, 50m below 1000m,
 *   else 100m (minimum 10m); memory 16Mi below 256Mi, else 64Mi (minimum 32Mi).
 * - CPU limit = request × 2: CPU over the limit is only throttled, so bursts get room.
 * - memory limit = request × 1.5, same steps: memory over the limit is OOMKilled, yet a larger limit
 *   lets one pod take memory the scheduler promised to others.
 * - action: `set` when there is no request, `raise` when usage is already above the request,
 *   `lower` when the request is more than 1.5× the recommendation, else `keep`.
 * metrics-server reports a ~1 minute window, so this is one sample, not a p95: run it under real load.
 */
import type { V1Pod } from '@kubernetes/client-node';
import type { UsageSnapshot } from './cluster.js';
import { hpaStatus, isSaturated, type HpaStatus } from './hpa.js';
import { formatCpu, formatMemory, MI, parseCpu, parseMemory } from './quantity.js';

export type Action = 'set' | 'raise' | 'lower' | 'keep';

export interface Resources {
  cpuRequest: string | null;
  cpuLimit: string | null;
  memoryRequest: string | null;
  memoryLimit: string | null;
}

export interface ContainerSizing {
  workload: string;
  container: string;
  pods: number;
  observed: { cpu: string; memory: string };
  current: Resources;
  recommended: Resources;
  cpuAction: Action;
  memoryAction: Action;
}

export interface Recommendation {
  kind: 'resources' | 'hpa';
  target: string;
  advice: string;
  /** The numbers the advice follows from. */
  basis: string;
}

export interface RecommendReport {
  namespace: string;
  metricsAvailable: boolean;
  containers: ContainerSizing[];
  hpas: HpaStatus[];
  recommendations: Recommendation[];
  exitCode: 0 | 1;
  reason: string;
}

const HEADROOM = 1.3;
const LOWER_ABOVE = 1.5;

const roundUp = (value: number, step: number) => Math.max(step, Math.ceil(value / step) * step);
const cpuStep = (m: number) => (m < 100 ? 10 : m < 1000 ? 50 : 100);
const memoryStep = (bytes: number) => (bytes < 256 * MI ? 16 * MI : 64 * MI);
const cpuRequestFor = (observed: number) => roundUp(observed * HEADROOM, cpuStep(observed * HEADROOM));
const memoryRequestFor = (observed: number) =>
  Math.max(32 * MI, roundUp(observed * HEADROOM, memoryStep(observed * HEADROOM)));

function action(current: number | null, observed: number, recommended: number): Action {
  if (current === null) return 'set';
  if (observed > current) return 'raise';
  return current > recommended * LOWER_ABOVE ? 'lower' : 'keep';
}

/** Pods of one Deployment share a ReplicaSet whose name is the Deployment's plus a hash. */
function workloadOf(pod: V1Pod): string {
  const owner = pod.metadata?.ownerReferences?.[0];
  if (!owner) return pod.metadata?.name ?? '?';
  return owner.kind === 'ReplicaSet' ? owner.name.replace(/-[a-z0-9]+$/, '') : owner.name;
}

interface Sample {
  workload: string;
  container: string;
  cpu: number;
  memory: number;
  requests: Record<string, string> | undefined;
  limits: Record<string, string> | undefined;
}

function samples(snapshot: UsageSnapshot): Sample[] {
  const podsByName = new Map(snapshot.pods.map((p) => [p.metadata?.name, p]));
  return (snapshot.podMetrics ?? []).flatMap((metrics) => {
    const pod = podsByName.get(metrics.metadata?.name);
    if (!pod) return [];
    return (metrics.containers ?? []).flatMap((usage) => {
      const spec = pod.spec?.containers.find((c) => c.name === usage.name);
      if (!spec) return [];
      return [
        {
          workload: workloadOf(pod),
          container: spec.name,
          cpu: parseCpu(usage.usage?.cpu) ?? 0,
          memory: parseMemory(usage.usage?.memory) ?? 0,
          requests: spec.resources?.requests,
          limits: spec.resources?.limits,
        },
      ];
    });
  });
}

function sizeContainers(all: Sample[]): ContainerSizing[] {
  const groups = new Map<string, Sample[]>();
  for (const s of all)
    groups.set(`${s.workload}/${s.container}`, [...(groups.get(`${s.workload}/${s.container}`) ?? []), s]);
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const cpu = Math.max(...group.map((s) => s.cpu));
    const memory = Math.max(...group.map((s) => s.memory));
    const cpuRequest = cpuRequestFor(cpu);
    const memoryRequest = memoryRequestFor(memory);
    const memoryLimit = roundUp(memoryRequest * 1.5, memoryStep(memoryRequest * 1.5));
    const currentCpu = parseCpu(first.requests?.cpu);
    const currentMemory = parseMemory(first.requests?.memory);
    return {
      workload: first.workload,
      container: first.container,
      pods: group.length,
      observed: { cpu: formatCpu(cpu), memory: formatMemory(memory) },
      current: {
        cpuRequest: first.requests?.cpu ?? null,
        cpuLimit: first.limits?.cpu ?? null,
        memoryRequest: first.requests?.memory ?? null,
        memoryLimit: first.limits?.memory ?? null,
      },
      recommended: {
        cpuRequest: formatCpu(cpuRequest),
        cpuLimit: formatCpu(cpuRequest * 2),
        memoryRequest: formatMemory(memoryRequest),
        memoryLimit: formatMemory(memoryLimit),
      },
      cpuAction: action(currentCpu, cpu, cpuRequest),
      memoryAction: action(currentMemory, memory, memoryRequest),
    };
  });
}

function resourceAdvice(c: ContainerSizing): Recommendation | null {
  if (c.cpuAction === 'keep' && c.memoryAction === 'keep') return null;
  const r = c.recommended;
  return {
    kind: 'resources',
    target: `${c.workload}/${c.container}`,
    advice:
      `cpu ${c.cpuAction}: requests ${r.cpuRequest}, limits ${r.cpuLimit}; ` +
      `memory ${c.memoryAction}: requests ${r.memoryRequest}, limits ${r.memoryLimit}`,
    basis:
      `peak usage over ${c.pods} pod(s) cpu ${c.observed.cpu}, memory ${c.observed.memory} ` +
      `vs requests cpu ${c.current.cpuRequest ?? 'none'}, memory ${c.current.memoryRequest ?? 'none'} ` +
      `(limits cpu ${c.current.cpuLimit ?? 'none'}, memory ${c.current.memoryLimit ?? 'none'}); request = usage × 1.3 rounded up`,
  };
}

/** The HPA's own formula: desired = ceil(current × currentUtilization / targetUtilization). */
function hpaAdvice(h: HpaStatus): Recommendation | null {
  const target = `hpa ${h.name} (${h.target})`;
  if (h.cpuTarget === null) return null;
  if (h.cpuCurrent === null) {
    return {
      kind: 'hpa',
      target,
      advice: 'the HPA has no CPU reading',
      basis: `target ${h.cpuTarget}% but no current CPU: metrics-server missing, or containers without CPU requests`,
    };
  }
  const wanted = Math.ceil((h.current * h.cpuCurrent) / h.cpuTarget);
  if (isSaturated(h)) {
    return {
      kind: 'hpa',
      target,
      advice: `raise maxReplicas from ${h.max} to at least ${wanted}`,
      basis: `at maxReplicas (${h.current}/${h.max}) with CPU ${h.cpuCurrent}% > target ${h.cpuTarget}%: ceil(${h.current} × ${h.cpuCurrent} / ${h.cpuTarget}) = ${wanted}`,
    };
  }
  if (h.min > 1 && h.current <= h.min && h.cpuCurrent < h.cpuTarget / 2) {
    const lower = Math.max(1, wanted);
    return {
      kind: 'hpa',
      target,
      advice: `lower minReplicas from ${h.min} to ${lower}, or lower the CPU requests (utilization is measured against them)`,
      basis: `pinned at minReplicas ${h.min} with CPU ${h.cpuCurrent}%, under half the target ${h.cpuTarget}%: ceil(${h.current} × ${h.cpuCurrent} / ${h.cpuTarget}) = ${wanted}`,
    };
  }
  return null;
}

export function recommend(snapshot: UsageSnapshot): RecommendReport {
  const containers = sizeContainers(samples(snapshot));
  const hpas = snapshot.hpas.map(hpaStatus);
  const recommendations = [...containers.map(resourceAdvice), ...hpas.map(hpaAdvice)].filter(
    (r): r is Recommendation => r !== null,
  );
  const base = { namespace: snapshot.namespace, containers, hpas, recommendations };
  // Without metrics-server the main half of the job is impossible: exit 1 with the reason, keep any HPA advice.
  if (snapshot.podMetrics === null) {
    return {
      ...base,
      metricsAvailable: false,
      exitCode: 1,
      reason:
        'no metrics: metrics.k8s.io is not served (install metrics-server, e.g. `minikube addons enable metrics-server`), so requests cannot be right-sized',
    };
  }
  const counted = (kind: Recommendation['kind']) => recommendations.filter((r) => r.kind === kind).length;
  const reason = recommendations.length
    ? `${recommendations.length} recommendations: ${counted('resources')} resources, ${counted('hpa')} hpa`
    : `no changes recommended for ${containers.length} containers and ${hpas.length} hpas`;
  return { ...base, metricsAvailable: true, exitCode: 0, reason };
}
