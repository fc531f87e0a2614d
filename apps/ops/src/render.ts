/** Table output; JSON output is the report object itself. */
import type { HealthReport } from './health.js';
import type { RecommendReport } from './recommend.js';

type Cell = string | number | null;

function table(title: string, headers: string[], rows: Cell[][], empty: string): string[] {
  if (rows.length === 0) return [`${title}: ${empty}`, ''];
  const text = [headers, ...rows.map((row) => row.map((cell) => (cell === null ? '-' : String(cell))))];
  const widths = headers.map((_, i) => Math.max(...text.map((row) => row[i]!.length)));
  const lines = text.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
  return [`${title}:`, ...lines.map((line) => `  ${line}`), ''];
}

const percent = (value: number | null) => (value === null ? null : `${value}%`);

export function renderHealth(r: HealthReport): string[] {
  return [
    `namespace ${r.namespace}`,
    '',
    ...table(
      'Deployments',
      ['NAME', 'READY'],
      r.deployments.map((d) => [d.name, `${d.ready}/${d.desired}`]),
      'none',
    ),
    ...table(
      'Pods',
      ['NAME', 'PHASE', 'READY', 'RESTARTS', 'WAITING', 'LAST TERMINATION'],
      r.pods.map((p) => [p.name, p.phase, p.ready, p.restarts, p.waiting, p.lastTermination]),
      'none',
    ),
    ...table(
      'Warning events (last 15 min)',
      ['TIME', 'OBJECT', 'REASON', 'COUNT', 'MESSAGE'],
      r.events.map((e) => [e.time, e.object, e.reason, e.count, e.message]),
      'none',
    ),
    ...table(
      'HPAs',
      ['NAME', 'TARGET', 'MIN', 'MAX', 'CURRENT', 'DESIRED', 'CPU', 'CPU TARGET'],
      r.hpas.map((h) => [
        h.name,
        h.target,
        h.min,
        h.max,
        h.current,
        h.desired,
        percent(h.cpuCurrent),
        percent(h.cpuTarget),
      ]),
      'none',
    ),
    ...(r.argo.installed
      ? table(
          'Argo CD applications',
          ['NAME', 'SYNC', 'HEALTH'],
          r.argo.apps.map((a) => [a.name, a.sync, a.health]),
          `none targets ${r.namespace}`,
        )
      : ['Argo CD applications: Argo CD is not installed (no applications.argoproj.io)', '']),
    ...r.findings.map((f) => `${f.severity}: ${f.subject} ${f.message}`),
  ];
}

export function renderRecommend(r: RecommendReport): string[] {
  return [
    `namespace ${r.namespace}`,
    '',
    ...(r.metricsAvailable
      ? table(
          'Containers (peak usage vs requests/limits → recommended)',
          [
            'WORKLOAD/CONTAINER',
            'PODS',
            'CPU USED',
            'CPU REQ/LIM',
            '→ CPU REQ/LIM',
            'MEM USED',
            'MEM REQ/LIM',
            '→ MEM REQ/LIM',
          ],
          r.containers.map((c) => [
            `${c.workload}/${c.container}`,
            c.pods,
            c.observed.cpu,
            `${c.current.cpuRequest ?? '-'}/${c.current.cpuLimit ?? '-'}`,
            `${c.recommended.cpuRequest}/${c.recommended.cpuLimit} (${c.cpuAction})`,
            c.observed.memory,
            `${c.current.memoryRequest ?? '-'}/${c.current.memoryLimit ?? '-'}`,
            `${c.recommended.memoryRequest}/${c.recommended.memoryLimit} (${c.memoryAction})`,
          ]),
          'no pod metrics yet',
        )
      : []),
    ...(r.recommendations.length ? ['Recommendations:'] : []),
    ...r.recommendations.flatMap((rec) => [
      `  [${rec.kind}] ${rec.target}: ${rec.advice}`,
      `      because ${rec.basis}`,
    ]),
  ];
}
