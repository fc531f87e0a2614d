/**
 * kagent resources (FR-039, SC-031): an Agent, its ModelConfig and a read-only identity, off by default.
 * kubernetes-models has no kagent models, so the two kagent objects are checked against the required fields
 * and enums of kagent.dev/v1alpha2 as defined in kagent-dev/kagent go/api/v1alpha2 (agent_types.go,
 * modelconfig_types.go); the RBAC objects go through the same kubernetes-models validator as the rest.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { IRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import type { IRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import {
  CHART_DIR,
  type Environment,
  type K8sObject,
  findObject,
  helm,
  render,
  validateObject,
  valueFiles,
} from '../src/chart.js';
import { expectChartLabels } from './support/chart-labels.js';

const ENVS: Environment[] = ['dev', 'prod'];
const ON = ['kagent.enabled=true'];
const KAGENT_KINDS = ['Agent', 'ModelConfig'];
const rendered = new Map<Environment, K8sObject[]>();
const objects = (env: Environment): K8sObject[] => rendered.get(env) ?? [];

beforeAll(() => {
  for (const env of ENVS) rendered.set(env, render({ env, set: ON }));
});

/** A required-field / enum / type checker for the subset of the kagent CRD schema the chart uses. */
type Shape = {
  [field: string]: {
    required?: boolean;
    type: 'string' | 'object' | 'array' | 'boolean';
    enum?: readonly string[];
    shape?: Shape;
    items?: Shape;
  };
};

function shapeErrors(value: unknown, shape: Shape, path: string): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${path || '.'} is not an object`];
  const obj = value as Record<string, unknown>;
  const errors: string[] = [];
  for (const [field, rule] of Object.entries(shape)) {
    const at = `${path}.${field}`;
    const v = obj[field];
    if (v === undefined) {
      if (rule.required) errors.push(`${at} is required`);
      continue;
    }
    const actual = Array.isArray(v) ? 'array' : typeof v;
    if (actual !== rule.type) errors.push(`${at} is ${actual}, expected ${rule.type}`);
    else if (rule.enum && !rule.enum.includes(v as string))
      errors.push(`${at} = ${String(v)} is not one of ${rule.enum.join('|')}`);
    else if (rule.shape) errors.push(...shapeErrors(v, rule.shape, at));
    else if (rule.items)
      (v as unknown[]).forEach((item, i) => errors.push(...shapeErrors(item, rule.items!, `${at}[${i}]`)));
  }
  for (const field of Object.keys(obj)) if (!(field in shape)) errors.push(`${path}.${field} is not a known field`);
  return errors;
}

const metadata: Shape[string] = {
  required: true,
  type: 'object',
  shape: { name: { required: true, type: 'string' }, labels: { type: 'object' }, annotations: { type: 'object' } },
};

// go/api/v1alpha2/modelconfig_types.go: ModelConfigSpec (model required; provider enum; apiKeySecret/apiKeySecretKey together).
const MODEL_CONFIG: Shape = {
  apiVersion: { required: true, type: 'string', enum: ['kagent.dev/v1alpha2'] },
  kind: { required: true, type: 'string', enum: ['ModelConfig'] },
  metadata,
  spec: {
    required: true,
    type: 'object',
    shape: {
      model: { required: true, type: 'string' },
      provider: {
        type: 'string',
        enum: [
          'Anthropic',
          'OpenAI',
          'AzureOpenAI',
          'Ollama',
          'Gemini',
          'GeminiVertexAI',
          'AnthropicVertexAI',
          'Bedrock',
          'SAPAICore',
          'Foundry',
        ],
      },
      apiKeySecret: { type: 'string' },
      apiKeySecretKey: { type: 'string' },
      openAI: { type: 'object' },
      anthropic: { type: 'object' },
      gemini: { type: 'object' },
    },
  },
};

// go/api/v1alpha2/agent_types.go: AgentSpec (type required, Declarative|BYO), DeclarativeAgentSpec, Tool, McpServerTool.
const AGENT: Shape = {
  apiVersion: { required: true, type: 'string', enum: ['kagent.dev/v1alpha2'] },
  kind: { required: true, type: 'string', enum: ['Agent'] },
  metadata,
  spec: {
    required: true,
    type: 'object',
    shape: {
      type: { required: true, type: 'string', enum: ['Declarative', 'BYO'] },
      description: { type: 'string' },
      declarative: {
        type: 'object',
        shape: {
          systemMessage: { type: 'string' },
          modelConfig: { type: 'string' },
          stream: { type: 'boolean' },
          tools: {
            type: 'array',
            items: {
              type: { type: 'string', enum: ['McpServer', 'Agent'] },
              mcpServer: {
                type: 'object',
                shape: {
                  apiGroup: { type: 'string' },
                  kind: { type: 'string' },
                  name: { required: true, type: 'string' },
                  namespace: { type: 'string' },
                  toolNames: { type: 'array' },
                },
              },
            },
          },
          deployment: { type: 'object', shape: { serviceAccountName: { type: 'string' } } },
        },
      },
    },
  },
};

const agent = (env: Environment) => findObject<K8sObject & { spec: any }>(objects(env), 'Agent', '-ops-agent');
const modelConfig = (env: Environment) =>
  findObject<K8sObject & { spec: any }>(objects(env), 'ModelConfig', '-ops-model');

describe.each(ENVS)('kagent.enabled=true for %s', (env) => {
  it('renders one Agent, ModelConfig, ServiceAccount, Role and RoleBinding for the app', () => {
    const kagentObjects = objects(env).filter((o) => o.metadata.labels?.['app.kubernetes.io/component'] === 'kagent');
    expect(kagentObjects.map((o) => o.kind).sort()).toEqual([
      'Agent',
      'ModelConfig',
      'Role',
      'RoleBinding',
      'ServiceAccount',
    ]);
  });

  it('the ModelConfig has the kagent.dev/v1alpha2 shape and references the key Secret by name only', () => {
    const mc = modelConfig(env);
    expect(shapeErrors(mc, MODEL_CONFIG, '')).toEqual([]);
    expect(mc.spec).toEqual({
      provider: 'OpenAI',
      model: 'gpt-4o-mini',
      apiKeySecret: 'kagent-openai',
      apiKeySecretKey: 'OPENAI_API_KEY',
      openAI: {},
    });
    // never a literal key, and the chart does not make the Secret
    expect(JSON.stringify(mc)).not.toMatch(/sk-[A-Za-z0-9]/);
    expect(objects(env).some((o) => o.kind === 'Secret' && o.metadata.name === 'kagent-openai')).toBe(false);
  });

  it('the Agent is Declarative, uses the ModelConfig and only read-only tools of the kagent tool server', () => {
    const a = agent(env);
    expect(shapeErrors(a, AGENT, '')).toEqual([]);
    expect(a.apiVersion).toBe('kagent.dev/v1alpha2');
    expect(a.spec.type).toBe('Declarative');
    expect(a.spec.declarative.modelConfig).toBe(modelConfig(env).metadata.name);
    expect(a.spec.declarative.systemMessage).toContain(`todo-${env}`);
    expect(a.spec.declarative.systemMessage).toMatch(/read-only/i);
    const tools = a.spec.declarative.tools as Array<{
      type: string;
      mcpServer: { apiGroup: string; kind: string; name: string; namespace: string; toolNames: string[] };
    }>;
    expect(tools).toHaveLength(1);
    expect(tools[0]!.type).toBe('McpServer');
    expect(tools[0]!.mcpServer).toMatchObject({
      apiGroup: 'kagent.dev',
      kind: 'RemoteMCPServer',
      name: 'kagent-tool-server',
      namespace: 'kagent',
    });
    // the read tools kagent-dev/tools registers even in read-only mode; none of its write tools
    const readOnly = [
      'k8s_get_resources',
      'k8s_describe_resource',
      'k8s_get_pod_logs',
      'k8s_get_events',
      'k8s_get_resource_yaml',
      'k8s_get_available_api_resources',
    ];
    expect(tools[0]!.mcpServer.toolNames.length).toBeGreaterThan(0);
    for (const tool of tools[0]!.mcpServer.toolNames) expect(readOnly).toContain(tool);
  });

  it('the Role grants only get/list/watch on the listed resources, never secrets', async () => {
    const role = findObject<IRole>(objects(env), 'Role', '-ops-agent');
    await validateObject(role as unknown as K8sObject);
    const granted = new Set<string>();
    for (const rule of role.rules ?? []) {
      expect(rule.verbs.slice().sort()).toEqual(['get', 'list', 'watch']);
      expect(rule.resources ?? []).not.toContain('secrets');
      expect(rule.resources ?? []).not.toContain('*');
      expect(rule.apiGroups ?? []).not.toContain('*');
      expect(rule.resourceNames).toBeUndefined();
      for (const r of rule.resources ?? []) granted.add(`${rule.apiGroups![0]}/${r}`);
    }
    expect([...granted].sort()).toEqual(
      [
        '/configmaps',
        '/events',
        '/pods',
        '/pods/log',
        '/services',
        'apps/deployments',
        'apps/replicasets',
        'autoscaling/horizontalpodautoscalers',
      ].sort(),
    );
  });

  it("the RoleBinding binds that Role to the Agent's ServiceAccount in the release namespace", async () => {
    const sa = findObject<IServiceAccount>(objects(env), 'ServiceAccount', '-ops-agent');
    const rb = findObject<IRoleBinding>(objects(env), 'RoleBinding', '-ops-agent');
    const role = findObject<IRole>(objects(env), 'Role', '-ops-agent');
    for (const o of [sa, rb]) await validateObject(o as unknown as K8sObject);
    expect(rb.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role.metadata!.name });
    expect(rb.subjects).toEqual([{ kind: 'ServiceAccount', name: sa.metadata!.name, namespace: `todo-${env}` }]);
    expect(agent(env).spec.declarative.deployment.serviceAccountName).toBe(sa.metadata!.name);
  });

  it('every non-kagent object still validates with no unknown fields; every object carries the chart labels', async () => {
    for (const obj of objects(env)) {
      if (!KAGENT_KINDS.includes(obj.kind)) await validateObject(obj);
      expectChartLabels(obj);
    }
  });

  it('helm lint --strict passes with kagent enabled', () => {
    const args = [
      'lint',
      '--strict',
      CHART_DIR,
      '--namespace',
      `todo-${env}`,
      ...valueFiles(env).flatMap((f) => ['-f', f]),
      '--set',
      ON[0]!,
    ];
    const result = helm(args);
    expect(`${result.stdout}${result.stderr}`).toContain('0 chart(s) failed');
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/\[(ERROR|WARNING)\]/);
  });
});

describe('kagent is off by default', () => {
  it.each([undefined, ...ENVS])('renders no kagent object for %s', (env) => {
    const objs = render(env ? { env } : {});
    expect(objs.some((o) => KAGENT_KINDS.includes(o.kind) || o.kind === 'Role' || o.kind === 'RoleBinding')).toBe(
      false,
    );
    expect(objs.some((o) => o.metadata.labels?.['app.kubernetes.io/component'] === 'kagent')).toBe(false);
    expect(objs.some((o) => o.apiVersion.startsWith('kagent.dev/'))).toBe(false);
  });
});

describe('kagent values are validated by values.schema.json', () => {
  it.each([
    ['an unknown provider', 'kagent.modelConfig.provider=Cohere'],
    ['an unknown kagent key', 'kagent.apiKey=sk-literal'],
    ['an empty tool list', 'kagent.toolServer.toolNames=null'],
    ['a Secret name that is not a DNS name', 'kagent.modelConfig.apiKeySecret=Not_A_Name'],
  ])('rejects %s', (_what, assignment) => {
    const result = helm([
      'template',
      'chatbot',
      CHART_DIR,
      '--namespace',
      'todo-dev',
      ...valueFiles('dev').flatMap((f) => ['-f', f]),
      '--set',
      ON[0]!,
      '--set',
      assignment,
    ]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/schema/i);
  });

  it('another provider gets its own provider block', () => {
    const mc = modelConfig('dev');
    expect(mc.spec.openAI).toEqual({});
    const anthropic = findObject<K8sObject & { spec: any }>(
      render({
        env: 'dev',
        set: [...ON, 'kagent.modelConfig.provider=Anthropic', 'kagent.modelConfig.model=claude-sonnet-4-5'],
      }),
      'ModelConfig',
      '-ops-model',
    );
    expect(shapeErrors(anthropic, MODEL_CONFIG, '')).toEqual([]);
    expect(anthropic.spec).toMatchObject({ provider: 'Anthropic', anthropic: {} });
    expect(anthropic.spec.openAI).toBeUndefined();
  });
});
