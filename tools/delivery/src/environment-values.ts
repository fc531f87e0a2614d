import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseDocument } from 'yaml';
import { UsageError, unifiedDiff, valuesFileOf } from './bump-image-tags.ts'; // .ts: loaded by Node's type stripping through the CLI

type Tree = Record<string, unknown>;

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Helm's merge of values files: maps merge key by key, anything else is replaced by the later file. */
function mergeValues(base: Tree, overlay: Tree): Tree {
  const merged: Tree = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    const current = merged[key];
    merged[key] = isTree(current) && isTree(value) ? mergeValues(current, value) : value;
  }
  return merged;
}

function readTree(file: string): Tree {
  if (!existsSync(file)) return {};
  const tree: unknown = parse(readFileSync(file, 'utf8'));
  return isTree(tree) ? tree : {};
}

/**
 * The values Argo CD hands the chart for an environment: charts/chatbot/values.yaml, then the profile
 * values-<env>.yaml, then environments/<env>/values.yaml (the order of the Application's valueFiles).
 */
export function effectiveValues(repoRoot: string, environment: string): Tree {
  return mergeValues(profileValues(repoRoot, environment), readTree(valuesFileOf(repoRoot, environment)));
}

/** What the chart's values.yaml and values-<env>.yaml give, before the environment file. */
function profileValues(repoRoot: string, environment: string): Tree {
  const chart = join(repoRoot, 'charts', 'chatbot');
  return mergeValues(readTree(join(chart, 'values.yaml')), readTree(join(chart, `values-${environment}.yaml`)));
}

export function valueAt(values: Tree, dottedPath: string): unknown {
  let node: unknown = values;
  for (const key of dottedPath.split('.')) {
    if (!isTree(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** `repository:tag` as the chart renders it (the tag defaults to the chart's appVersion). */
export function imageOf(repoRoot: string, environment: string, component: 'api' | 'web'): string {
  const values = effectiveValues(repoRoot, environment);
  const repository = valueAt(values, `${component}.image.repository`);
  if (typeof repository !== 'string' || repository === '') {
    throw new Error(`No ${component}.image.repository is set for ${environment}.`);
  }
  const tag = valueAt(values, `${component}.image.tag`);
  const appVersion = valueAt(readTree(join(repoRoot, 'charts', 'chatbot', 'Chart.yaml')), 'appVersion');
  return `${repository}:${String(tag === undefined || tag === null || tag === '' ? appVersion : tag)}`;
}

/**
 * The reference the chart deploys: imageOf plus `@digest` when one is pinned (what Argo CD lists among an
 * Application's images). Registry checks keep using imageOf's tag.
 */
export function deployedImageOf(repoRoot: string, environment: string, component: 'api' | 'web'): string {
  const digest = valueAt(effectiveValues(repoRoot, environment), `${component}.image.digest`);
  const image = imageOf(repoRoot, environment, component);
  return typeof digest === 'string' && digest !== '' ? `${image}@${digest}` : image;
}

const SECRET_KEYS = ['DATABASE_URL', 'OPENAI_API_KEY', 'BETTER_AUTH_SECRET'] as const;

/**
 * Writes kubeseal's ciphertexts into `secrets.encryptedData` of environments/<env>/values.yaml, and
 * `secrets.mode: sealed` so the chart uses them, with the yaml Document API (comments elsewhere in the
 * file survive); returns the diff.
 */
export function setEncryptedData(repoRoot: string, environment: string, encryptedData: Record<string, string>): string {
  for (const key of Object.keys(encryptedData)) {
    if (!(SECRET_KEYS as readonly string[]).includes(key)) throw new UsageError(`Unexpected secret key ${key}.`);
  }
  const file = valuesFileOf(repoRoot, environment);
  if (!existsSync(file)) throw new Error(`${file} does not exist.`);
  const before = readFileSync(file, 'utf8');
  const document = parseDocument(before);
  // Replace the whole map: a key dropped from .env must not linger as a stale ciphertext. The mode is
  // written only where the profile below does not already say sealed (environment files hold differences).
  if (valueAt(profileValues(repoRoot, environment), 'secrets.mode') !== 'sealed')
    document.setIn(['secrets', 'mode'], 'sealed');
  document.setIn(['secrets', 'encryptedData'], document.createNode(encryptedData));
  const after = document.toString({ lineWidth: 0 });
  if (after === before) return '';
  writeFileSync(file, after);
  return unifiedDiff(before, after, `environments/${environment}/values.yaml`);
}

/**
 * The SealedSecret the chart renders for an environment in mode sealed (null otherwise), for
 * `kubeseal --validate`: ciphertexts are bound to this name and namespace.
 */
export function sealedSecretOf(repoRoot: string, environment: string): Record<string, unknown> | null {
  const values = effectiveValues(repoRoot, environment);
  if (valueAt(values, 'secrets.mode') !== 'sealed') return null;
  const name = String(valueAt(values, 'secrets.existingSecret') || 'chatbot-secrets');
  const metadata = { name, namespace: `todo-${environment}` };
  const encryptedData = valueAt(values, 'secrets.encryptedData') ?? {};
  return {
    apiVersion: 'bitnami.com/v1alpha1',
    kind: 'SealedSecret',
    metadata,
    spec: { encryptedData, template: { metadata } },
  };
}

/** Sets one key of environments/<env>/values.yaml (comments kept); returns the diff. */
export function setValue(repoRoot: string, environment: string, dottedPath: string, value: unknown): string {
  const file = valuesFileOf(repoRoot, environment);
  if (!existsSync(file)) throw new Error(`${file} does not exist.`);
  const before = readFileSync(file, 'utf8');
  const document = parseDocument(before);
  document.setIn(dottedPath.split('.'), value);
  const after = document.toString({ lineWidth: 0 });
  if (after === before) return '';
  writeFileSync(file, after);
  return unifiedDiff(before, after, `environments/${environment}/values.yaml`);
}
