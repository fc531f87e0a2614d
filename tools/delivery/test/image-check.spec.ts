/**
 * The image check: the OCI distribution token flow against a fake registry on 127.0.0.1 that answers the way
 * ghcr.io does (401 + WWW-Authenticate, an anonymous or Basic-authenticated token endpoint, manifests 200/404,
 * private packages refused to anonymous tokens), and one sentence per image that says what to do.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { REPO_ROOT } from '../src/binaries.js';
import {
  checkImage,
  MANIFEST_MEDIA_TYPES,
  parseChallenge,
  parseImageReference,
  registryBaseUrl,
  visibilityHint,
} from '../src/image-check.js';

const CLI = join(REPO_ROOT, 'tools/delivery/src/image-check.cli.ts');
const SHA = '3f786850e387550fdab836ed7e6dc881de23001b';
const OTHER_SHA = 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3';
const GOOD_TOKEN = 'ghs_job-token';

/** How a private package is refused to an anonymous puller (registries differ; ghcr has used more than one). */
type PrivateMode = 'token-403' | 'manifest-401' | 'manifest-403';
interface Package {
  visibility: 'public' | 'private';
  tags: string[];
}
interface Recorded {
  method: string;
  path: string;
  authorization?: string;
  accept?: string;
}

let server: Server;
let registry: string;
let packages: Record<string, Package> = {};
let privateMode: PrivateMode = 'manifest-401';
let failures = 0;
const requests: Recorded[] = [];

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

function handle(request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', `http://${registry}`);
  requests.push({
    method: request.method ?? '',
    path: url.pathname + url.search,
    authorization: request.headers.authorization,
    accept: request.headers.accept,
  });
  if (failures > 0) {
    failures--;
    return json(response, 503, { errors: [{ code: 'UNAVAILABLE' }] });
  }
  if (url.pathname === '/token') {
    const name = /^repository:(.+):pull$/.exec(url.searchParams.get('scope') ?? '')?.[1] ?? '';
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const [user, password] = Buffer.from(authorization.replace(/^Basic /, ''), 'base64')
        .toString()
        .split(':');
      if (!user || password !== GOOD_TOKEN) return json(response, 401, { errors: [{ code: 'UNAUTHORIZED' }] });
      return json(response, 200, { token: `user:${name}` });
    }
    if (privateMode === 'token-403' && packages[name]?.visibility !== 'public')
      return json(response, 403, { errors: [{ code: 'DENIED' }] });
    return json(response, 200, { token: `anonymous:${name}` });
  }
  const manifest = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(url.pathname);
  if (!manifest) return json(response, 404, { errors: [{ code: 'NOT_FOUND' }] });
  const [, name, reference] = manifest as unknown as [string, string, string];
  const bearer = request.headers.authorization?.replace(/^Bearer /, '');
  if (bearer === undefined || !bearer.endsWith(`:${name}`)) {
    return json(
      response,
      401,
      { errors: [{ code: 'UNAUTHORIZED' }] },
      {
        'WWW-Authenticate': `Bearer realm="http://${registry}/token",service="${registry}",scope="repository:${name}:pull"`,
      },
    );
  }
  const found = packages[name];
  const anonymous = bearer.startsWith('anonymous:');
  // Like ghcr: an anonymous puller cannot tell a private package from a missing one.
  if (anonymous && found?.visibility !== 'public')
    return json(response, privateMode === 'manifest-403' ? 403 : 401, { errors: [{ code: 'DENIED' }] });
  if (!found) return json(response, 404, { errors: [{ code: 'NAME_UNKNOWN' }] });
  if (!found.tags.includes(reference)) return json(response, 404, { errors: [{ code: 'MANIFEST_UNKNOWN' }] });
  response.writeHead(200, {
    'Content-Type': MANIFEST_MEDIA_TYPES[0],
    'Docker-Content-Digest': `sha256:${'0'.repeat(64)}`,
  });
  response.end();
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  registry = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
afterEach(() => {
  packages = {};
  privateMode = 'manifest-401';
  failures = 0;
  requests.length = 0;
});

/** The CLI in a child process (asynchronously: the fake registry answers from this process's event loop). */
function check(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
const image = (name: string, tag = SHA) => `${registry}/alice/${name}:${tag}`;
const withToken = { REGISTRY_TOKEN: GOOD_TOKEN, REGISTRY_USERNAME: 'alice' };

function oneSentence(text: string): void {
  expect(text.trim().split('\n')).toHaveLength(1);
  expect(text.trim()).toMatch(/\.$/);
}

describe('image-check against a ghcr-like registry', () => {
  it('passes a public image: 401, an anonymous token for the challenged scope, then the manifest with every manifest type accepted', async () => {
    packages['alice/todo-chatbot-api'] = { visibility: 'public', tags: [SHA] };
    const result = await check([image('todo-chatbot-api')]);
    expect(result).toMatchObject({ status: 0, stderr: '' });
    oneSentence(result.stdout);
    expect(result.stdout).toContain(image('todo-chatbot-api'));

    const [first, token, retried] = requests;
    expect(first).toMatchObject({
      method: 'HEAD',
      path: `/v2/alice/todo-chatbot-api/manifests/${SHA}`,
      authorization: undefined,
    });
    expect(token?.path).toContain(`scope=${encodeURIComponent('repository:alice/todo-chatbot-api:pull')}`);
    expect(token?.path).toContain(`service=${encodeURIComponent(registry)}`);
    expect(token?.authorization).toBeUndefined();
    expect(retried).toMatchObject({ method: 'HEAD', authorization: 'Bearer anonymous:alice/todo-chatbot-api' });
    for (const type of MANIFEST_MEDIA_TYPES) expect(retried?.accept).toContain(type);
    expect(MANIFEST_MEDIA_TYPES).toEqual(
      expect.arrayContaining([
        'application/vnd.oci.image.index.v1+json',
        'application/vnd.docker.distribution.manifest.list.v2+json',
      ]),
    );
  });

  it.each<PrivateMode>(['manifest-401', 'manifest-403', 'token-403'])(
    'says a private image (%s to anonymous pullers) exists but is private, in one sentence, when a token can read it',
    async (mode) => {
      privateMode = mode;
      packages['alice/todo-chatbot-api'] = { visibility: 'private', tags: [SHA] };
      const result = await check([image('todo-chatbot-api')], withToken);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      oneSentence(result.stderr);
      expect(result.stderr).toMatch(/exists but is private: make the repository .* public/);
      expect(result.stderr).toContain('ALLOW_PRIVATE_IMAGES');
      // The token is only ever sent to the token endpoint, as Basic credentials.
      const sent = requests.filter((request) => request.authorization?.startsWith('Basic '));
      expect(sent.map((request) => request.path.split('?')[0])).toEqual(['/token']);
    },
  );

  it('says a tag that was never pushed does not exist, anonymously (public package) or with a token (private package)', async () => {
    packages['alice/todo-chatbot-api'] = { visibility: 'public', tags: [OTHER_SHA] };
    packages['alice/todo-chatbot-web'] = { visibility: 'private', tags: [OTHER_SHA] };
    for (const [name, env] of [
      ['todo-chatbot-api', {}],
      ['todo-chatbot-web', withToken],
    ] as const) {
      const result = await check([image(name)], env);
      expect(result.status).toBe(1);
      oneSentence(result.stderr);
      expect(result.stderr).toContain(`${image(name)} does not exist in the registry`);
    }
  });

  it('without a token, cannot tell private from missing and says both, with what to do', async () => {
    packages['alice/todo-chatbot-api'] = { visibility: 'private', tags: [SHA] };
    const result = await check([image('todo-chatbot-api')]);
    expect(result.status).toBe(1);
    oneSentence(result.stderr);
    expect(result.stderr).toMatch(
      /cannot be pulled anonymously \(it is private or does not exist\): make .* public.*, or set REGISTRY_TOKEN/,
    );
  });

  it('checks every image and writes one sentence per image that fails', async () => {
    packages['alice/todo-chatbot-api'] = { visibility: 'public', tags: [SHA] };
    packages['alice/todo-chatbot-web'] = { visibility: 'private', tags: [SHA] };
    const result = await check([image('todo-chatbot-api'), image('todo-chatbot-web')], withToken);
    expect(result.status).toBe(1);
    oneSentence(result.stdout);
    oneSentence(result.stderr);
    expect(result.stderr).toContain(`${image('todo-chatbot-web')} exists but is private`);
  });

  it('--allow-private only requires that the image exists for the token', async () => {
    packages['alice/todo-chatbot-api'] = { visibility: 'private', tags: [SHA] };
    const exists = await check(['--allow-private', image('todo-chatbot-api')], withToken);
    expect(exists).toMatchObject({ status: 0, stderr: '' });
    expect(requests.every((request) => request.authorization !== undefined || !request.path.startsWith('/token'))).toBe(
      true,
    );

    const missing = await check(['--allow-private', image('todo-chatbot-api', OTHER_SHA)], withToken);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('does not exist in the registry');

    const wrongToken = await check(['--allow-private', image('todo-chatbot-api')], { REGISTRY_TOKEN: 'wrong' });
    expect(wrongToken.status).toBe(1);
    oneSentence(wrongToken.stderr);
    expect(wrongToken.stderr).toContain('cannot be read with the given token');

    const noToken = await check(['--allow-private', image('todo-chatbot-api')]);
    expect(noToken.status).toBe(2);
    oneSentence(noToken.stderr);
  });

  it('reports an unreachable registry as such (exit 1, one sentence), not as a missing image', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await check(['--attempts', '1', `127.0.0.1:${port}/alice/todo-chatbot-api:${SHA}`]);
    expect(result.status).toBe(1);
    oneSentence(result.stderr);
    expect(result.stderr).toMatch(/^Could not check .* did not answer/);

    failures = 10;
    const unavailable = await check(['--attempts', '1', image('todo-chatbot-api')]);
    expect(unavailable.status).toBe(1);
    expect(unavailable.stderr).toMatch(/did not answer \(HTTP 503/);
  });

  it('retries a registry that is briefly unavailable', async () => {
    packages['alice/todo-chatbot-api'] = { visibility: 'public', tags: [SHA] };
    failures = 2;
    const verdict = await checkImage(parseImageReference(image('todo-chatbot-api')), { attempts: 3, retryDelayMs: 10 });
    expect(verdict.ok).toBe(true);
  });

  it('--env reads the images the chart deploys for an environment', async () => {
    const root = mkdtempSync(join(tmpdir(), 'image-check-'));
    try {
      mkdirSync(join(root, 'environments', 'dev'), { recursive: true });
      writeFileSync(
        join(root, 'environments', 'dev', 'values.yaml'),
        `api:\n  image:\n    repository: ${registry}/alice/todo-chatbot-api\n    tag: "${SHA}"\nweb:\n  image:\n    repository: ${registry}/alice/todo-chatbot-web\n    tag: "${SHA}"\n`,
      );
      packages['alice/todo-chatbot-api'] = { visibility: 'public', tags: [SHA] };
      expect((await check(['--env', 'dev', '--component', 'api', '--root', root])).status).toBe(0);
      const both = await check(['--env', 'dev', '--root', root]);
      expect(both.status).toBe(1);
      expect(both.stderr).toContain(image('todo-chatbot-web'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it.each([
    [[]],
    [['ghcr.io/Alice/todo-chatbot-api:x']],
    [['todo-chatbot-api:x']],
    [['ghcr.io/alice/todo-chatbot-api']],
    [['ghcr.io/alice/todo-chatbot-api:-x']],
    [['--env', 'dev', 'ghcr.io/alice/todo-chatbot-api:x']],
    [['--component', 'api', 'ghcr.io/alice/todo-chatbot-api:x']],
    [['--push', 'ghcr.io/alice/todo-chatbot-api:x']],
    [['--attempts', '0', 'ghcr.io/alice/todo-chatbot-api:x']],
  ])('refuses bad usage %j with exit code 2 and one sentence, before any request', async (args) => {
    const result = await check(args);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(requests).toEqual([]);
  });
});

describe('image-check helpers', () => {
  it('parses registry, repository and tag or digest, and speaks http only to the loopback interface', () => {
    expect(parseImageReference(`ghcr.io/alice/todo-chatbot-api:${SHA}`)).toMatchObject({
      registry: 'ghcr.io',
      repository: 'alice/todo-chatbot-api',
      reference: SHA,
    });
    expect(parseImageReference(`localhost:5000/a/b@sha256:${'a'.repeat(64)}`)).toMatchObject({
      registry: 'localhost:5000',
      reference: `sha256:${'a'.repeat(64)}`,
    });
    expect(registryBaseUrl('ghcr.io')).toBe('https://ghcr.io');
    expect(registryBaseUrl('registry.example.com:5000')).toBe('https://registry.example.com:5000');
    expect(registryBaseUrl('127.0.0.1:5000')).toBe('http://127.0.0.1:5000');
    expect(registryBaseUrl('localhost:5000')).toBe('http://localhost:5000');
  });

  it('parses a WWW-Authenticate challenge whose quoted scope holds commas', () => {
    expect(
      parseChallenge('Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:alice/x:pull,push"'),
    ).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:alice/x:pull,push' },
    });
    expect(parseChallenge('Basic realm="registry"')).toEqual({ scheme: 'basic', params: { realm: 'registry' } });
  });

  it("points a ghcr.io image at its owner's package settings", () => {
    for (const owner of ['alice', 'some-org']) {
      const hint = visibilityHint(parseImageReference(`ghcr.io/${owner}/todo-chatbot-web:${SHA}`));
      expect(hint).toContain(`https://github.com/users/${owner}/packages/container/todo-chatbot-web/settings`);
      expect(hint).toContain('Change visibility');
    }
  });
});
