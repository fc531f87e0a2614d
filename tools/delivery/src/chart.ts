/**
 * Chart helpers: run the real Helm 4 binary against charts/chatbot, parse what it renders, and validate
 * every object offline with kubernetes-models (types, required fields) plus an unknown-field check.
 */
import { spawnSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import { kubeBinary, REPO_ROOT } from './binaries.js';

export const CHART_DIR = `${REPO_ROOT}charts/chatbot`;

export type Environment = 'dev' | 'prod';

/** What every rendered object has; the rest is checked by the kubernetes-models validators. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

export interface HelmResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs helm with the given arguments from the repository root; never throws on a non-zero exit. */
export function helm(args: readonly string[]): HelmResult {
  const run = spawnSync(kubeBinary('helm'), args, {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      HELM_CACHE_HOME: '/tmp/helm-cache',
      HELM_CONFIG_HOME: '/tmp/helm-config',
      HELM_DATA_HOME: '/tmp/helm-data',
    },
  });
  if (run.error) throw run.error;
  return { status: run.status ?? 1, stdout: run.stdout, stderr: run.stderr };
}

/** The profile + environment pair Argo CD uses: values-<env>.yaml then environments/<env>/values.yaml. */
export function valueFiles(env: Environment): string[] {
  return [`${CHART_DIR}/values-${env}.yaml`, `${REPO_ROOT}environments/${env}/values.yaml`];
}

export interface RenderOptions {
  /** Environment whose value files are layered on the defaults; none renders the chart's defaults. */
  env?: Environment;
  /** Extra -f files, after the environment's. */
  files?: readonly string[];
  /** Extra --set assignments, e.g. ['api.replicas=1']. */
  set?: readonly string[];
  /** Extra --set-string assignments (the value stays a string, e.g. an all-digit tag). */
  setString?: readonly string[];
  release?: string;
  namespace?: string;
  /** Another copy of the chart (default charts/chatbot), e.g. one with a bumped version. */
  chartDir?: string;
}

/** The helm template arguments for a render. */
export function templateArgs(opts: RenderOptions = {}): string[] {
  const env = opts.env;
  // release "chatbot", as the Argo CD Applications name it
  const args = ['template', opts.release ?? 'chatbot', opts.chartDir ?? CHART_DIR];
  args.push('--namespace', opts.namespace ?? (env ? `todo-${env}` : 'default'));
  for (const file of [...(env ? valueFiles(env) : []), ...(opts.files ?? [])]) args.push('-f', file);
  for (const assignment of opts.set ?? []) args.push('--set', assignment);
  for (const assignment of opts.setString ?? []) args.push('--set-string', assignment);
  return args;
}

/** Parses a multi-document YAML stream into objects, dropping empty documents. */
export function parseManifests(stream: string): K8sObject[] {
  return parseAllDocuments(stream)
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`invalid YAML from helm: ${doc.errors[0]?.message}`);
      return doc.toJS() as unknown;
    })
    .filter((obj): obj is K8sObject => obj !== null && typeof obj === 'object');
}

/** helm template → parsed objects; throws with helm's stderr when rendering fails. */
export function render(opts: RenderOptions = {}): K8sObject[] {
  const result = helm(templateArgs(opts));
  if (result.status !== 0) throw new Error(`helm template failed: ${result.stderr.trim()}`);
  return parseManifests(result.stdout);
}

/** Module that holds the model class of an apiVersion (group/version). */
export function modelModule(apiVersion: string): string {
  if (apiVersion === 'bitnami.com/v1alpha1') return '@kubernetes-models/sealed-secrets/bitnami.com/v1alpha1';
  // core (v1), the built-in groups without dots, and the *.k8s.io groups
  if (
    /^((apps|batch|autoscaling|policy|extensions|[a-z0-9-]+(\.[a-z0-9-]+)*\.k8s\.io)\/)?v\d+((alpha|beta)\d+)?$/.test(
      apiVersion,
    )
  ) {
    return `kubernetes-models/${apiVersion}`;
  }
  throw new Error(`no model module for apiVersion ${apiVersion}`);
}

type Validator = (this: unknown) => void;

/** The kubernetes-models validate() of a kind: it throws a ValidationError listing what is wrong. */
export async function modelValidator(apiVersion: string, kind: string): Promise<Validator> {
  const path = `${modelModule(apiVersion)}/${kind}`;
  const module = (await import(path).catch(() => {
    throw new Error(`no model ${kind} in ${modelModule(apiVersion)}`);
  })) as Record<string, { prototype: { validate: Validator } } | undefined>;
  const model = module[kind];
  if (!model) throw new Error(`${modelModule(apiVersion)} has no model ${kind}`);
  return model.prototype.validate;
}

/**
 * Fields the schema does not know. kubernetes-models ships its JSON schemas only as compiled ajv
 * validators, so instead of reading the schema this runs the validator over a Proxy and records every
 * property it looks up: a structured object's validator reads each property the schema declares (present
 * or not); a map (labels, resources.requests) is enumerated; a free-form object is never looked into.
 * A key of an object whose validator read properties but not that key is an unknown (e.g. misspelled) field.
 */
export function unknownFields(validate: Validator, obj: unknown): string[] {
  const read = new Map<object, Set<PropertyKey>>();
  const enumerated = new Set<object>();
  const proxies = new WeakMap<object, object>();
  const note = (target: object, key: PropertyKey): void => {
    const keys = read.get(target) ?? new Set<PropertyKey>();
    read.set(target, keys);
    keys.add(key);
  };
  const wrap = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const cached = proxies.get(value);
    if (cached) return cached;
    const proxy = new Proxy(value, {
      get(target, key) {
        note(target, key);
        return wrap(Reflect.get(target, key));
      },
      has(target, key) {
        note(target, key);
        return Reflect.has(target, key);
      },
      ownKeys(target) {
        enumerated.add(target);
        return Reflect.ownKeys(target);
      },
    });
    proxies.set(value, proxy);
    return proxy;
  };
  validate.call(wrap(obj));

  const unknown: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) walk(item, `${path}[${i}]`);
      return;
    }
    const keys = read.get(value);
    const structured = !enumerated.has(value) && keys !== undefined;
    if (!enumerated.has(value) && keys === undefined) return; // free-form (no properties in the schema)
    for (const [key, child] of Object.entries(value)) {
      if (structured && !keys.has(key)) unknown.push(`${path}.${key}`);
      else walk(child, `${path}.${key}`);
    }
  };
  walk(obj, '');
  return unknown.map((p) => p.slice(1));
}

/** Validates one object with its model and rejects unknown fields; throws a message naming the object. */
export async function validateObject(obj: K8sObject): Promise<void> {
  const where = `${obj.kind}/${obj.metadata?.name ?? '?'}`;
  const validate = await modelValidator(obj.apiVersion, obj.kind);
  try {
    validate.call(obj);
  } catch (err) {
    throw new Error(`${where} is invalid: ${(err as Error).message}`);
  }
  const unknown = unknownFields(validate, obj);
  if (unknown.length > 0) throw new Error(`${where} has unknown fields: ${unknown.join(', ')}`);
}

/** The one object of a kind and name (name may be a suffix after the release's fullname). */
export function findObject<T>(objects: readonly K8sObject[], kind: string, nameSuffix: string): T {
  const found = objects.filter((o) => o.kind === kind && o.metadata.name.endsWith(nameSuffix));
  if (found.length !== 1) throw new Error(`expected one ${kind} named *${nameSuffix}, found ${found.length}`);
  return found[0] as unknown as T;
}
