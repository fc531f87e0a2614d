import type { V2HorizontalPodAutoscaler } from '@kubernetes/client-node';

/** The numbers of an HPA both commands reason about; CPU is utilization in % of the pods' CPU requests. */
export interface HpaStatus {
  name: string;
  target: string;
  min: number;
  max: number;
  current: number;
  desired: number;
  cpuTarget: number | null;
  cpuCurrent: number | null;
}

export function hpaStatus(hpa: V2HorizontalPodAutoscaler): HpaStatus {
  const cpuSpec = hpa.spec?.metrics?.find((m) => m.type === 'Resource' && m.resource?.name === 'cpu');
  const cpuNow = hpa.status?.currentMetrics?.find((m) => m.type === 'Resource' && m.resource?.name === 'cpu');
  return {
    name: hpa.metadata?.name ?? '?',
    target: `${hpa.spec?.scaleTargetRef.kind ?? ''}/${hpa.spec?.scaleTargetRef.name ?? '?'}`,
    min: hpa.spec?.minReplicas ?? 1,
    max: hpa.spec?.maxReplicas ?? 0,
    current: hpa.status?.currentReplicas ?? 0,
    desired: hpa.status?.desiredReplicas ?? 0,
    cpuTarget: cpuSpec?.resource?.target.averageUtilization ?? null,
    cpuCurrent: cpuNow?.resource?.current.averageUtilization ?? null,
  };
}

/** At its ceiling and still hotter than its target: it wants more replicas than it may have. */
export const isSaturated = (h: HpaStatus): boolean =>
  h.max > 0 && h.current >= h.max && h.cpuTarget !== null && h.cpuCurrent !== null && h.cpuCurrent > h.cpuTarget;
