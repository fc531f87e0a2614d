import { UsageError } from './bump-image-tags.ts'; // .ts: loaded by Node's type stripping through the CLI

/** What a cluster asks for when it pulls: a multi-arch index or a single manifest, OCI or Docker. */
export const MANIFEST_MEDIA_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
] as const;

export interface ImageReference {
  registry: string;
  repository: string;
  /** A tag or a digest. */
  reference: string;
  text: string;
}

export interface Credentials {
  username: string;
  password: string;
}

const REPOSITORY = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** `registry/repository:tag` (or `@sha256:…`); the registry must be named, as a cluster would pull it. */
export function parseImageReference(text: string): ImageReference {
  const slash = text.indexOf('/');
  const registry = slash === -1 ? '' : text.slice(0, slash);
  if (!/[.:]/.test(registry) && registry !== 'localhost') {
    throw new UsageError(
      `"${text}" does not name a registry: write it as registry/repository:tag, e.g. ghcr.io/<owner>/todo-chatbot-api:<sha>.`,
    );
  }
  const rest = text.slice(slash + 1);
  const at = rest.indexOf('@');
  const colon = rest.lastIndexOf(':');
  const [repository, reference] =
    at !== -1
      ? [rest.slice(0, at), rest.slice(at + 1)]
      : colon !== -1
        ? [rest.slice(0, colon), rest.slice(colon + 1)]
        : [rest, ''];
  if (!REPOSITORY.test(repository)) {
    throw new UsageError(
      `"${text}" has an invalid repository name "${repository}" (lowercase letters, digits and separators only).`,
    );
  }
  if (!(at !== -1 ? DIGEST : TAG).test(reference)) {
    throw new UsageError(`"${text}" has no valid tag or digest: pin one, e.g. the git sha release.yml pushed.`);
  }
  return { registry, repository, reference, text };
}

/** Like Docker, a registry on the loopback interface is spoken to over plain http (no TLS to set up in tests). */
export function registryBaseUrl(registry: string): string {
  const host = registry.replace(/:\d+$/, '');
  const loopback = host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
  return `${loopback ? 'http' : 'https'}://${registry}`;
}

export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/** `Bearer realm="…",service="…",scope="…"`: quoted values may hold commas (scope="repository:a:pull,push"). */
export function parseChallenge(header: string): Challenge | undefined {
  const match = /^\s*([A-Za-z]+)\s*(.*)$/s.exec(header);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  for (const param of match[2]!.matchAll(/([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g)) {
    params[param[1]!.toLowerCase()] = param[2] !== undefined ? param[2].replace(/\\(.)/g, '$1') : param[3]!;
  }
  return { scheme: match[1]!.toLowerCase(), params };
}

/** What one credential (or none) sees: the manifest, no such manifest, no access, or no answer. */
export type Probe =
  | { kind: 'found' }
  | { kind: 'missing' }
  | { kind: 'denied' }
  | { kind: 'unreachable'; detail: string };

export interface ProbeOptions {
  /** Attempts on network errors, 429 and 5xx (the registry may be briefly unavailable right after a push). */
  attempts?: number;
  retryDelayMs?: number;
  timeoutMs?: number;
}

class Unreachable extends Error {}

async function request(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new Unreachable(cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error)));
  }
  if (response.status === 429 || response.status >= 500)
    throw new Unreachable(`HTTP ${response.status} from ${new URL(url).host}`);
  return response;
}

function basic(credentials: Credentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}

async function probeOnce(
  image: ImageReference,
  credentials: Credentials | undefined,
  timeoutMs: number,
): Promise<Probe> {
  const manifestUrl = `${registryBaseUrl(image.registry)}/v2/${image.repository}/manifests/${image.reference}`;
  const headers = { Accept: MANIFEST_MEDIA_TYPES.join(', ') };
  const classify = (status: number): Probe | undefined =>
    status === 200
      ? { kind: 'found' }
      : status === 404
        ? { kind: 'missing' }
        : status === 401 || status === 403
          ? { kind: 'denied' }
          : undefined;

  let response = await request(manifestUrl, { method: 'HEAD', headers }, timeoutMs);
  if (response.status === 401) {
    const challenge = parseChallenge(response.headers.get('www-authenticate') ?? '');
    let authorization: string;
    if (challenge?.scheme === 'bearer' && challenge.params.realm) {
      const tokenUrl = new URL(challenge.params.realm);
      if (challenge.params.service) tokenUrl.searchParams.set('service', challenge.params.service);
      tokenUrl.searchParams.set('scope', challenge.params.scope ?? `repository:${image.repository}:pull`);
      // Credentials never travel in clear text, except to the loopback interface.
      const sendCredentials =
        credentials !== undefined &&
        (tokenUrl.protocol === 'https:' || registryBaseUrl(tokenUrl.host).startsWith('http:'));
      const tokenResponse = await request(
        tokenUrl.href,
        { headers: sendCredentials ? { Authorization: basic(credentials) } : {} },
        timeoutMs,
      );
      if (tokenResponse.status === 401 || tokenResponse.status === 403) return { kind: 'denied' };
      if (tokenResponse.status !== 200)
        throw new Unreachable(`HTTP ${tokenResponse.status} from the token endpoint ${tokenUrl.host}`);
      const body = (await tokenResponse.json().catch(() => ({}))) as { token?: unknown; access_token?: unknown };
      const token = body.token ?? body.access_token;
      if (typeof token !== 'string' || token === '')
        throw new Unreachable(`the token endpoint ${tokenUrl.host} returned no token`);
      authorization = `Bearer ${token}`;
    } else if (challenge?.scheme === 'basic' && credentials) {
      authorization = basic(credentials);
    } else {
      return { kind: 'denied' };
    }
    response = await request(
      manifestUrl,
      { method: 'HEAD', headers: { ...headers, Authorization: authorization } },
      timeoutMs,
    );
  }
  const probe = classify(response.status);
  if (!probe) throw new Unreachable(`unexpected HTTP ${response.status} for the manifest`);
  return probe;
}

/** HEAD /v2/<name>/manifests/<reference>, through the registry's token flow, anonymously or with credentials. */
export async function probeManifest(
  image: ImageReference,
  credentials?: Credentials,
  options: ProbeOptions = {},
): Promise<Probe> {
  const { attempts = 3, retryDelayMs = 2000, timeoutMs = 20000 } = options;
  let detail = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await probeOnce(image, credentials, timeoutMs);
    } catch (error) {
      if (!(error instanceof Unreachable)) throw error;
      detail = error.message;
      if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
    }
  }
  return { kind: 'unreachable', detail };
}

/** Where the owner makes a ghcr.io package public (a user's page; an organization's is under /orgs/). */
export function visibilityHint(image: ImageReference): string {
  if (image.registry !== 'ghcr.io') return `make the repository ${image.repository} public in ${image.registry}`;
  const [owner, ...name] = image.repository.split('/');
  return `make the package public (https://github.com/users/${owner}/packages/container/${encodeURIComponent(name.join('/'))}/settings → Change visibility → Public; for an organization, github.com/orgs/${owner}/…)`;
}

export interface Verdict {
  ok: boolean;
  message: string;
}

export interface CheckOptions extends ProbeOptions {
  credentials?: Credentials;
  /** Only require that the image exists for the credentials (the cluster pulls with an imagePullSecret). */
  allowPrivate?: boolean;
}

function unreachable(image: ImageReference, detail: string): Verdict {
  return {
    ok: false,
    message: `Could not check ${image.text} because ${image.registry} did not answer (${detail}): check the network or the registry's status, then re-run.`,
  };
}

/**
 * Whether a cluster without credentials can pull the image. When it cannot and credentials are given,
 * they tell a private image from a missing one, so the message can say which fix applies.
 */
export async function checkImage(image: ImageReference, options: CheckOptions = {}): Promise<Verdict> {
  const { credentials, allowPrivate = false } = options;
  if (allowPrivate && !credentials)
    throw new UsageError('Checking a private image needs credentials: set REGISTRY_TOKEN (and REGISTRY_USERNAME).');
  const missing: Verdict = {
    ok: false,
    message: `${image.text} does not exist in the registry: push it first (release.yml pushes every commit to main), or pin a tag that was pushed.`,
  };
  const unreadable: Verdict = {
    ok: false,
    message: `${image.text} cannot be read with the given token: it does not exist, or the token has no read access to the package (grant this repository access in the package settings → Manage Actions access).`,
  };

  if (allowPrivate) {
    const probe = await probeManifest(image, credentials, options);
    if (probe.kind === 'found')
      return {
        ok: true,
        message: `${image.text} exists (private images allowed: the cluster needs an imagePullSecret for it).`,
      };
    if (probe.kind === 'unreachable') return unreachable(image, probe.detail);
    return probe.kind === 'missing' ? missing : unreadable;
  }

  const anonymous = await probeManifest(image, undefined, options);
  if (anonymous.kind === 'found') return { ok: true, message: `${image.text} can be pulled anonymously.` };
  if (anonymous.kind === 'unreachable') return unreachable(image, anonymous.detail);
  if (!credentials) {
    if (anonymous.kind === 'missing') return missing;
    return {
      ok: false,
      message: `${image.text} cannot be pulled anonymously (it is private or does not exist): ${visibilityHint(image)}, or set REGISTRY_TOKEN to tell which.`,
    };
  }
  const authenticated = await probeManifest(image, credentials, options);
  if (authenticated.kind === 'found') {
    return {
      ok: false,
      message: `${image.text} exists but is private: ${visibilityHint(image)}, or set the repository variable ALLOW_PRIVATE_IMAGES to true if your cluster pulls with an imagePullSecret, then re-run this workflow.`,
    };
  }
  if (authenticated.kind === 'unreachable') return unreachable(image, authenticated.detail);
  return authenticated.kind === 'missing' ? missing : unreadable;
}
