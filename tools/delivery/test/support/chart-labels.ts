import { expect } from '@jest/globals';
import type { K8sObject } from '../../src/chart.js';

/** FR-026/FR-033: the labels every object the chart renders carries, non-empty. */
const CHART_LABELS = [
  'app',
  'component',
  'version',
  'helm.sh/chart',
  'app.kubernetes.io/name',
  'app.kubernetes.io/instance',
  'app.kubernetes.io/version',
  'app.kubernetes.io/component',
  'app.kubernetes.io/part-of',
  'app.kubernetes.io/managed-by',
];

/** Fails naming the object and the label that is missing or empty. */
export function expectChartLabels(obj: K8sObject): void {
  const labels = obj.metadata.labels ?? {};
  for (const key of CHART_LABELS) {
    expect({ object: `${obj.kind}/${obj.metadata.name}`, key, value: labels[key] }).toEqual(
      expect.objectContaining({ value: expect.stringMatching(/\S/) }),
    );
  }
}
