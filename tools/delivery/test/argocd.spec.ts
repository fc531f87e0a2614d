/** argocd/: the AppProjects, the root Application and one Application per environment. */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { AppProject, type IAppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { Application, type IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import { parseAllDocuments } from 'yaml';
import { REPO_ROOT } from '../src/binaries.js';
import { helm, render, unknownFields, type Environment } from '../src/chart.js';
import { effectiveValues, valueAt } from '../src/environment-values.js';
import { COMPONENTS, imageOwner, imageRepository, pointAtFork } from '../src/point-at-fork.js';

const ARGOCD_DIR = join(REPO_ROOT, 'argocd');
const IN_CLUSTER = 'https://kubernetes.default.svc';
const GITHUB_REPO_URL = /^https:\/\/github\.com\/[A-Za-z0-9-]+\/[A-Za-z0-9._-]+\.git$/;
const ENVIRONMENTS: readonly Environment[] = ['dev', 'prod'];

type ArgoObject = IAppProject | IApplication;

const APPS_CHART = join(ARGOCD_DIR, 'apps');

function parseObjects(file: string, text: string): { file: string; object: ArgoObject }[] {
  return parseAllDocuments(text)
    .map((document) => {
      if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0]?.message}`);
      return document.toJS() as ArgoObject | null;
    })
    .filter((object): object is ArgoObject => object !== null)
    .map((object) => ({ file, object }));
}

/** The objects the cluster gets: the two applied files, and the Applications the root renders from argocd/apps. */
function loadObjects(): { file: string; object: ArgoObject }[] {
  const rendered = helm(['template', 'todo-chatbot-apps', APPS_CHART]);
  if (rendered.status !== 0) throw new Error(`helm template argocd/apps failed: ${rendered.stderr}`);
  return [
    ...['projects.yaml', 'root.yaml'].flatMap((name) =>
      parseObjects(join(ARGOCD_DIR, name), readFileSync(join(ARGOCD_DIR, name), 'utf8')),
    ),
    ...parseObjects(APPS_CHART, rendered.stdout),
  ];
}

const objects = loadObjects();
const projects = objects.map(({ object }) => object).filter((o): o is IAppProject => o.kind === 'AppProject');
const applications = objects.map(({ object }) => object).filter((o): o is IApplication => o.kind === 'Application');

function application(name: string): IApplication {
  const found = applications.find((app) => app.metadata.name === name);
  if (!found) throw new Error(`no Application ${name} under argocd/`);
  return found;
}
function project(name: string): IAppProject {
  const found = projects.find((p) => p.metadata.name === name);
  if (!found) throw new Error(`no AppProject ${name} under argocd/`);
  return found;
}
/**
 * The compiled ajv validators never look at an unconstrained string such as AppProject spec.description,
 * so the unknown-field probe reports it; such a `spec.<key>` counts as known when the model's own type
 * declaration (AppProjectSpec.d.ts / ApplicationSpec.d.ts) declares it.
 */
function undeclaredFields(object: ArgoObject): string[] {
  const validate = (object.kind === 'AppProject' ? AppProject.prototype.validate : Application.prototype.validate) as (
    this: unknown,
  ) => void;
  const specTypes = readFileSync(
    join(
      dirname(createRequire(import.meta.url).resolve('@kubernetes-models/argo-cd/package.json')),
      'argoproj.io/v1alpha1',
      `${object.kind}Spec.d.ts`,
    ),
    'utf8',
  );
  return unknownFields(validate, object).filter((path) => {
    const [top, key, ...rest] = path.split('.');
    return !(top === 'spec' && rest.length === 0 && specTypes.includes(`"${key}"?:`));
  });
}

function repoUrlsOf(app: IApplication): string[] {
  return [app.spec.source, ...(app.spec.sources ?? [])].filter((s) => s !== undefined).map((s) => s.repoURL);
}

describe('argocd/ objects', () => {
  it('are exactly the two AppProjects, the locked default project, the root Application and the dev and prod Applications', () => {
    expect(objects.map(({ object }) => `${object.kind}/${object.metadata.name}`).sort()).toEqual(
      [
        'AppProject/default',
        'AppProject/todo-chatbot',
        'AppProject/todo-chatbot-apps',
        'Application/chatbot-dev',
        'Application/chatbot-prod',
        'Application/todo-chatbot-root',
      ].sort(),
    );
    for (const { object } of objects) expect(object.metadata.namespace).toBe('argocd');
  });

  it.each(objects.map(({ file, object }) => [`${object.kind}/${object.metadata.name}`, file, object] as const))(
    '%s validates against @kubernetes-models/argo-cd with no unknown fields',
    (_name, _file, object) => {
      const model =
        object.kind === 'AppProject' ? new AppProject(object as IAppProject) : new Application(object as IApplication);
      expect(() => model.validate()).not.toThrow();
      expect(undeclaredFields(object)).toEqual([]);
    },
  );

  it('a misspelled field is caught (the unknown-field check is live)', () => {
    const typo = structuredClone(application('chatbot-dev')) as unknown as {
      spec: { syncPolicy: Record<string, unknown> };
    };
    typo.spec.syncPolicy.automatic = typo.spec.syncPolicy.automated;
    expect(undeclaredFields(typo as unknown as IApplication)).toEqual(['spec.syncPolicy.automatic']);
    const projectTypo = structuredClone(project('todo-chatbot')) as unknown as { spec: Record<string, unknown> };
    projectTypo.spec.destination = [];
    expect(undeclaredFields(projectTypo as unknown as IAppProject)).toEqual(['spec.destination']);
  });

  it('every source and project names one repository, an https GitHub URL (what a fork rewrites)', () => {
    const urls = new Set([...applications.flatMap(repoUrlsOf), ...projects.flatMap((p) => p.spec?.sourceRepos ?? [])]);
    expect(urls.size).toBe(1);
    expect([...urls][0]).toMatch(GITHUB_REPO_URL);
  });

  it("every environment's images live under the repository owner's registry path, with immutable tags", () => {
    const owner = imageOwner(repoUrlsOf(application('todo-chatbot-root'))[0]!);
    for (const environment of ENVIRONMENTS) {
      const values = effectiveValues(REPO_ROOT, environment);
      for (const component of COMPONENTS) {
        expect(valueAt(values, `${component}.image.repository`)).toBe(imageRepository(owner, component));
        expect(String(valueAt(values, `${component}.image.tag`))).toMatch(
          /^(?!latest$)[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/,
        );
      }
    }
  });

  it('pointing them at the repository they already name changes nothing (the rewrite is idempotent)', () => {
    const copy = mkdtempSync(join(tmpdir(), 'argocd-idempotent-'));
    try {
      cpSync(join(REPO_ROOT, 'argocd'), join(copy, 'argocd'), { recursive: true });
      cpSync(join(REPO_ROOT, 'environments'), join(copy, 'environments'), { recursive: true });
      expect(pointAtFork(copy, repoUrlsOf(application('todo-chatbot-root'))[0]!)).toEqual([]);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('AppProject default', () => {
  it('is locked: no source, no destination, every kind blacklisted', () => {
    const locked = project('default').spec;
    expect(locked?.sourceRepos).toEqual([]);
    expect(locked?.destinations).toEqual([]);
    expect(locked?.clusterResourceBlacklist).toEqual([{ group: '*', kind: '*' }]);
    expect(locked?.namespaceResourceBlacklist).toEqual([{ group: '*', kind: '*' }]);
    for (const app of applications) expect(['todo-chatbot', 'todo-chatbot-apps']).toContain(app.spec.project);
  });
});

describe('AppProject todo-chatbot', () => {
  const workloads = project('todo-chatbot');

  it('deploys only into todo-dev and todo-prod on the in-cluster server', () => {
    expect(workloads.spec?.destinations).toEqual([
      { server: IN_CLUSTER, namespace: 'todo-dev' },
      { server: IN_CLUSTER, namespace: 'todo-prod' },
    ]);
    expect(workloads.spec?.clusterResourceWhitelist).toEqual([{ group: '', kind: 'Namespace' }]);
  });

  // Every optional feature on (kagent, as docs/aiops.md turns it on; the Ingress with TLS), so no value
  // change can render a kind the project then rejects.
  const EVERYTHING_ON = [
    'kagent.enabled=true',
    'ingress.enabled=true',
    'ingress.host=todo.example.com',
    'ingress.tls.enabled=true',
    'publicUrl=https://todo.example.com',
  ];
  it.each(ENVIRONMENTS)('whitelists every kind the chart renders for %s, optional features included', (environment) => {
    const allowed = new Set((workloads.spec?.namespaceResourceWhitelist ?? []).map((r) => `${r.group}/${r.kind}`));
    const rendered = new Set(
      render({ env: environment, set: EVERYTHING_ON }).map(
        (o) => `${o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : ''}/${o.kind}`,
      ),
    );
    expect(rendered).toContain('kagent.dev/Agent');
    expect(rendered).toContain('networking.k8s.io/Ingress');
    expect([...rendered].filter((kind) => !allowed.has(kind))).toEqual([]);
  });

  it('the app-of-apps project may only create Applications in the argocd namespace', () => {
    const apps = project('todo-chatbot-apps');
    expect(apps.spec?.destinations).toEqual([{ server: IN_CLUSTER, namespace: 'argocd' }]);
    expect(apps.spec?.namespaceResourceWhitelist).toEqual([{ group: 'argoproj.io', kind: 'Application' }]);
    expect(apps.spec?.clusterResourceWhitelist).toEqual([]);
  });
});

describe('the root Application (app of apps)', () => {
  const root = application('todo-chatbot-root');

  it('syncs argocd/apps automatically into the argocd namespace under the app-of-apps project', () => {
    expect(root.spec.project).toBe('todo-chatbot-apps');
    expect(root.spec.source?.path).toBe('argocd/apps');
    expect(existsSync(join(REPO_ROOT, 'argocd/apps'))).toBe(true);
    expect(root.spec.destination).toEqual({ server: IN_CLUSTER, namespace: 'argocd' });
    expect(root.spec.syncPolicy?.automated).toEqual({ prune: true, selfHeal: true });
  });

  it("leaves a child's paused automation alone (argocd app set chatbot-dev --sync-policy none, then rollback)", () => {
    // What the root compares after `--sync-policy none`: git's child against the live child without
    // spec.syncPolicy.automated. Argo CD drops ignored paths from both sides before diffing.
    const paths = (root.spec.ignoreDifferences ?? [])
      .filter((rule) => rule.group === 'argoproj.io' && rule.kind === 'Application')
      .flatMap((rule) => rule.jqPathExpressions ?? []);
    const withoutIgnored = (object: unknown) => {
      const copy = structuredClone(object) as Record<string, unknown>;
      for (const path of paths) {
        const keys = path.replace(/^\./, '').split('.');
        let node = copy as Record<string, unknown> | undefined;
        for (const key of keys.slice(0, -1)) node = node?.[key] as Record<string, unknown> | undefined;
        if (node) delete node[keys.at(-1)!];
      }
      return copy;
    };
    const desired = application('chatbot-dev');
    const paused = structuredClone(desired);
    delete paused.spec.syncPolicy!.automated;
    expect(withoutIgnored(paused)).toEqual(withoutIgnored(desired));
    // ... and nothing else is ignored: a changed source is still healed.
    const moved = structuredClone(desired);
    moved.spec.sources![0]!.targetRevision = 'elsewhere';
    expect(withoutIgnored(moved)).not.toEqual(withoutIgnored(desired));
    expect(root.spec.syncPolicy?.syncOptions).toContain('RespectIgnoreDifferences=true');
  });

  it('argocd/apps is a Helm chart that renders exactly the environment Applications from one template', () => {
    expect(root.spec.source?.helm?.releaseName).toBe('todo-chatbot-apps');
    expect(readdirSync(join(APPS_CHART, 'templates'))).toEqual(['environment.yaml']);
    expect(
      applications
        .map((app) => app.metadata.name)
        .filter((name) => name !== 'todo-chatbot-root')
        .sort(),
    ).toEqual(['chatbot-dev', 'chatbot-prod']);
    const lint = helm(['lint', '--strict', APPS_CHART]);
    expect(lint.status).toBe(0);
  });

  it('an environment added to argocd/apps/values.yaml becomes an Application (one definition)', () => {
    const rendered = helm([
      'template',
      'todo-chatbot-apps',
      APPS_CHART,
      '--set',
      'environments.staging.automated=true',
    ]);
    const names = parseObjects('staging', rendered.stdout).map(({ object }) => object.metadata.name);
    expect(names.sort()).toEqual(['chatbot-dev', 'chatbot-prod', 'chatbot-staging']);
  });
});

describe.each(ENVIRONMENTS)('Application chatbot-%s', (environment) => {
  const app = application(`chatbot-${environment}`);
  const sources = app.spec.sources ?? [];
  const chartSource = sources.find((source) => source.path !== undefined);
  const valuesSource = sources.find((source) => source.ref !== undefined);

  beforeAll(() => {
    expect(app.spec.source).toBeUndefined();
    expect(sources).toHaveLength(2);
  });

  it('deploys into its namespace on the in-cluster server under the todo-chatbot project', () => {
    expect(app.spec.project).toBe('todo-chatbot');
    expect(app.spec.destination).toEqual({ server: IN_CLUSTER, namespace: `todo-${environment}` });
    const allowed = project('todo-chatbot').spec?.destinations ?? [];
    expect(allowed).toContainEqual(app.spec.destination);
  });

  it('uses the chart and the repository as $values, both at main', () => {
    expect(chartSource?.path).toBe('charts/chatbot');
    expect(existsSync(join(REPO_ROOT, 'charts/chatbot/Chart.yaml'))).toBe(true);
    expect(valuesSource).toEqual({ repoURL: chartSource?.repoURL, targetRevision: 'main', ref: 'values' });
    expect(chartSource?.targetRevision).toBe('main');
    expect(chartSource?.helm?.releaseName).toBe('chatbot');
  });

  it(`layers values-${environment}.yaml then $values/environments/${environment}/values.yaml, and every file exists`, () => {
    const valueFiles = chartSource?.helm?.valueFiles ?? [];
    expect(valueFiles).toEqual([`values-${environment}.yaml`, `$values/environments/${environment}/values.yaml`]);
    for (const file of valueFiles) {
      const path = file.startsWith('$values/')
        ? join(REPO_ROOT, file.slice('$values/'.length))
        : join(REPO_ROOT, 'charts/chatbot', file);
      expect({ file, exists: existsSync(path) }).toEqual({ file, exists: true });
    }
  });

  if (environment === 'dev') {
    it('syncs automatically, prunes, self-heals, creates its namespace and retries a bounded number of times', () => {
      expect(app.spec.syncPolicy?.automated).toEqual({ prune: true, selfHeal: true });
      expect(app.spec.syncPolicy?.syncOptions).toContain('CreateNamespace=true');
      expect(app.spec.syncPolicy?.retry?.limit).toBeLessThanOrEqual(3);
    });
  } else {
    it('syncs only by hand (no automated policy) and keeps workloads if the Application is deleted', () => {
      expect(app.spec.syncPolicy?.automated).toBeUndefined();
      expect(app.metadata.finalizers).toBeUndefined();
    });
  }
});
