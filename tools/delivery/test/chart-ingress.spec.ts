/** The optional Ingress to the web Service: off by default and in dev, on in prod (https), on publicUrl's host, TLS by an existing Secret or cert-manager. */
import { describe, expect, it } from '@jest/globals';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IService } from 'kubernetes-models/v1/Service';
import { REPO_ROOT } from '../src/binaries.js';
import {
  type Environment,
  type K8sObject,
  findObject,
  helm,
  render,
  templateArgs,
  validateObject,
} from '../src/chart.js';
import { effectiveValues, valueAt } from '../src/environment-values.js';

const ENVS: Environment[] = ['dev', 'prod'];
const ingressOf = (objects: K8sObject[]) => findObject<IIngress>(objects, 'Ingress', '-web');

describe('Ingress', () => {
  it.each([undefined, 'dev'] as const)('is off by default (%s)', (env) => {
    expect(render(env ? { env } : {}).some((o) => o.kind === 'Ingress')).toBe(false);
  });

  it('is on in prod, with TLS from cert-manager for the https public URL', () => {
    const ingress = ingressOf(render({ env: 'prod' }));
    expect(ingress.metadata!.annotations).toMatchObject({ 'cert-manager.io/cluster-issuer': expect.any(String) });
    expect(ingress.spec!.tls![0]!.hosts).toEqual([
      new URL(String(valueAt(effectiveValues(REPO_ROOT, 'prod'), 'publicUrl'))).hostname,
    ]);
  });

  it.each(ENVS)('%s: routes / on the host of publicUrl to the web Service, class nginx, no TLS', async (env) => {
    const objects = render({
      env,
      set: [
        'ingress.enabled=true',
        'ingress.tls.enabled=false',
        'ingress.tls.clusterIssuer=',
        `publicUrl=http://todo-${env}.example.com`,
      ],
    });
    const ingress = ingressOf(objects);
    await validateObject(ingress as unknown as K8sObject);
    const web = findObject<IService>(objects, 'Service', '-web');
    const host = `todo-${env}.example.com`;
    expect(ingress.spec!.ingressClassName).toBe('nginx');
    expect(ingress.spec!.rules).toEqual([
      {
        host,
        http: {
          paths: [
            {
              path: '/',
              pathType: 'Prefix',
              backend: { service: { name: web.metadata!.name, port: { number: web.spec!.ports![0]!.port } } },
            },
          ],
        },
      },
    ]);
    expect(ingress.spec!.tls).toBeUndefined();
    expect(ingress.metadata!.annotations ?? {}).not.toHaveProperty('cert-manager.io/cluster-issuer');
    expect(ingress.metadata!.labels!.component).toBe('web');
  });

  it('TLS through cert-manager: the cluster-issuer annotation and a Secret name for it to fill', async () => {
    const ingress = ingressOf(
      render({
        env: 'prod',
        set: [
          'publicUrl=https://todo.example.com',
          'ingress.enabled=true',
          'ingress.tls.enabled=true',
          'ingress.tls.clusterIssuer=letsencrypt',
          'ingress.annotations.a=b',
        ],
      }),
    );
    await validateObject(ingress as unknown as K8sObject);
    expect(ingress.metadata!.annotations).toEqual({ a: 'b', 'cert-manager.io/cluster-issuer': 'letsencrypt' });
    expect(ingress.spec!.tls).toEqual([
      { hosts: ['todo.example.com'], secretName: expect.stringMatching(/^[a-z0-9][-a-z0-9.]*$/) },
    ]);
    expect(ingress.spec!.rules![0]!.host).toBe('todo.example.com');
  });

  it('TLS with an existing Secret (e.g. self-signed), an explicit host and no class', async () => {
    const ingress = ingressOf(
      render({
        env: 'dev',
        set: [
          'publicUrl=https://todo.local',
          'ingress.enabled=true',
          'ingress.host=todo.local',
          'ingress.className=',
          'ingress.tls.enabled=true',
          'ingress.tls.secretName=todo-local-tls',
        ],
      }),
    );
    await validateObject(ingress as unknown as K8sObject);
    expect(ingress.metadata!.annotations).toBeUndefined();
    expect(ingress.spec!.ingressClassName).toBeUndefined();
    expect(ingress.spec!.tls).toEqual([{ hosts: ['todo.local'], secretName: 'todo-local-tls' }]);
  });

  it.each([
    [
      'a host that is not publicUrl’s',
      ['ingress.host=other.example.com'],
      'ingress.host "other.example.com" must be the host of publicUrl',
    ],
    ['TLS with an http publicUrl', ['ingress.tls.enabled=true'], 'ingress.tls.enabled needs an https publicUrl'],
    ['an IP address as host', ['publicUrl=http://192.168.49.2:30080'], 'ingress needs a DNS name'],
  ])('refuses %s', (_what, set, message) => {
    const result = helm(templateArgs({ env: 'dev', set: ['ingress.enabled=true', ...set] }));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(message);
  });
});
