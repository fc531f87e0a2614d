/** Pure: a snapshot of the namespace → the health report, its verdict and exit code. */
import type { CoreV1Event, V1Pod } from '@kubernetes/client-node';
import type { HealthSnapshot } from './cluster.js';
import { hpaStatus, isSaturated, type HpaStatus } from './hpa.js';

export interface Finding {
  /** `degraded` fails the check (exit 1); `warning` is reported but leaves it healthy (exit 0). */
  severity: 'degraded' | 'warning';
  subject: string;
  message: string;
}

export interface PodRow {
  name: string;
  phase: string;
  ready: string;
  restarts: number;
  waiting: string | null;
  lastTermination: string | null;
}

export interface EventRow {
  time: string;
  object: string;
  reason: string;
  message: string;
  count: number;
}

export interface HealthReport {
  namespace: string;
  verdict: 'healthy' | 'degraded';
  exitCode: 0 | 1;
  reason: string;
  deployments: { name: string; ready: number; desired: number }[];
  pods: PodRow[];
  events: EventRow[];
  hpas: HpaStatus[];
  argo: { installed: boolean; apps: { name: string; sync: string; health: string }[] };
  findings: Finding[];
}

/** Waiting reasons that mean the container will not start without someone fixing something. */
const FAILING_WAITING = new Set([
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
]);
export const EVENT_WINDOW_MS = 15 * 60 * 1000;
export const MAX_EVENTS = 20;

function podRow(pod: V1Pod): PodRow {
  const statuses = pod.status?.containerStatuses ?? [];
  const waiting = statuses.map((s) => s.state?.waiting?.reason).find((r) => r !== undefined);
  const lastTermination = statuses.map((s) => s.lastState?.terminated?.reason).find((r) => r !== undefined);
  return {
    name: pod.metadata?.name ?? '?',
    phase: pod.status?.phase ?? 'Unknown',
    ready: `${statuses.filter((s) => s.ready).length}/${pod.spec?.containers.length ?? statuses.length}`,
    restarts: statuses.reduce((sum, s) => sum + s.restartCount, 0),
    waiting: waiting ?? null,
    lastTermination: lastTermination ?? null,
  };
}

function podFindings(pod: PodRow): Finding[] {
  const subject = `pod ${pod.name}`;
  if (pod.waiting && FAILING_WAITING.has(pod.waiting)) {
    const last = pod.lastTermination ? `, last terminated: ${pod.lastTermination}` : '';
    return [{ severity: 'degraded', subject, message: `${pod.waiting} (${pod.restarts} restarts${last})` }];
  }
  if (pod.phase === 'Failed' || pod.phase === 'Unknown')
    return [{ severity: 'degraded', subject, message: `phase ${pod.phase}` }];
  if (pod.phase === 'Pending')
    return [{ severity: 'warning', subject, message: `Pending${pod.waiting ? ` (${pod.waiting})` : ''}` }];
  // A running pod that was OOMKilled or crashed earlier has recovered, but it will likely happen again.
  if (pod.lastTermination && pod.lastTermination !== 'Completed') {
    return [
      { severity: 'warning', subject, message: `last terminated: ${pod.lastTermination} (${pod.restarts} restarts)` },
    ];
  }
  return [];
}

const eventTime = (e: CoreV1Event): Date | null => {
  const t = e.lastTimestamp ?? e.series?.lastObservedTime ?? e.eventTime ?? e.metadata.creationTimestamp;
  return t ? new Date(t) : null;
};

/** Warning events of the last 15 minutes, newest first, at most 20. */
function recentWarnings(events: CoreV1Event[], now: Date): EventRow[] {
  return events
    .filter((e) => e.type === 'Warning')
    .map((e) => ({ e, time: eventTime(e) }))
    .filter(({ time }) => time !== null && now.getTime() - time.getTime() <= EVENT_WINDOW_MS)
    .sort((a, b) => b.time!.getTime() - a.time!.getTime())
    .slice(0, MAX_EVENTS)
    .map(({ e, time }) => ({
      time: time!.toISOString(),
      object: `${e.involvedObject.kind ?? ''}/${e.involvedObject.name ?? ''}`,
      reason: e.reason ?? '',
      message: e.message ?? '',
      count: e.count ?? e.series?.count ?? 1,
    }));
}

function verdictLine(
  findings: Finding[],
  deployments: number,
  pods: number,
): Pick<HealthReport, 'verdict' | 'exitCode' | 'reason'> {
  const describe = (list: Finding[]) =>
    `${list[0]!.subject} ${list[0]!.message}${list.length > 1 ? ` (+${list.length - 1} more)` : ''}`;
  const degraded = findings.filter((f) => f.severity === 'degraded');
  if (degraded.length > 0) return { verdict: 'degraded', exitCode: 1, reason: `degraded: ${describe(degraded)}` };
  const warnings = findings.filter((f) => f.severity === 'warning');
  const summary = `${deployments} deployments ready, ${pods} pods`;
  const reason = warnings.length > 0 ? `healthy with warnings: ${describe(warnings)}` : `healthy: ${summary}`;
  return { verdict: 'healthy', exitCode: 0, reason };
}

export function assessHealth(snapshot: HealthSnapshot, now: Date): HealthReport {
  const deployments = snapshot.deployments.map((d) => ({
    name: d.metadata?.name ?? '?',
    ready: d.status?.readyReplicas ?? 0,
    desired: d.spec?.replicas ?? 1,
  }));
  const pods = snapshot.pods.map(podRow);
  const hpas = snapshot.hpas.map(hpaStatus);
  const apps = (snapshot.argoApps ?? []).map((a) => ({
    name: a.metadata?.name ?? '?',
    sync: a.status?.sync?.status ?? 'Unknown',
    health: a.status?.health?.status ?? 'Unknown',
  }));

  const findings: Finding[] = [
    // Pods first: their reasons (CrashLoopBackOff…) say why a deployment below is short of ready replicas.
    ...pods.flatMap(podFindings),
    ...deployments
      .filter((d) => d.ready < d.desired)
      .map(
        (d): Finding => ({
          severity: 'degraded',
          subject: `deployment ${d.name}`,
          message: `${d.ready}/${d.desired} ready`,
        }),
      ),
    // At max replicas the app still serves, so a saturated HPA warns rather than fails; `recommend` gives the fix.
    ...hpas.filter(isSaturated).map(
      (h): Finding => ({
        severity: 'warning',
        subject: `hpa ${h.name}`,
        message: `at maxReplicas ${h.max} with CPU ${h.cpuCurrent}% > target ${h.cpuTarget}%`,
      }),
    ),
    ...apps
      .filter((a) => a.health !== 'Healthy' || a.sync !== 'Synced')
      .map(
        (a): Finding => ({
          // Degraded/Missing health is an outage; OutOfSync or Progressing alone is a rollout in flight.
          severity: a.health === 'Degraded' || a.health === 'Missing' ? 'degraded' : 'warning',
          subject: `argo application ${a.name}`,
          message: `${a.sync}/${a.health}`,
        }),
      ),
  ];

  return {
    namespace: snapshot.namespace,
    ...verdictLine(findings, deployments.length, pods.length),
    deployments,
    pods,
    events: recentWarnings(snapshot.events, now),
    hpas,
    argo: { installed: snapshot.argoApps !== null, apps },
    findings,
  };
}
