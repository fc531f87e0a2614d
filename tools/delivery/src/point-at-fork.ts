/**
 * Points the GitOps files at a fork: every GitHub repoURL / sourceRepos entry under argocd/ becomes the
 * fork's https URL, and every environment's image repositories become ghcr.io/<owner>/todo-chatbot-<c>
 * (the names release.yml pushes). Structural edits with the yaml Document API, so comments survive and a
 * second run changes nothing.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isScalar, isSeq, parseAllDocuments, parseDocument, visit } from 'yaml';
import { UsageError } from './bump-image-tags.ts'; // .ts: loaded by Node's type stripping through the CLI

export const COMPONENTS = ['api', 'web'] as const;
const GITHUB_REPO_URL = /^https:\/\/github\.com\/([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)\.git$/;

/**
 * git@github.com:me/repo.git, ssh://git@github.com/me/repo, https://user@github.com/me/repo → the https
 * URL Argo CD reads a public repository from (credentials dropped, `.git` added).
 */
export function githubHttpsUrl(remote: string): string {
  const trimmed = remote.trim();
  const match =
    /^git@github\.com:([^/]+)\/(.+?)(?:\.git)?\/?$/.exec(trimmed) ??
    /^ssh:\/\/git@github\.com(?::\d+)?\/([^/]+)\/(.+?)(?:\.git)?\/?$/.exec(trimmed) ??
    /^https:\/\/(?:[^@/]+@)?github\.com\/([^/]+)\/(.+?)(?:\.git)?\/?$/.exec(trimmed);
  const url = match ? `https://github.com/${match[1]}/${match[2]}.git` : '';
  if (!GITHUB_REPO_URL.test(url)) {
    throw new UsageError(
      `${trimmed || 'The origin URL'} is not a GitHub repository URL: set GITOPS_REPO_URL=https://github.com/<you>/todo-chatbot.git (your fork, which Argo CD reads and release.yml pushes images for).`,
    );
  }
  return url;
}

/** The registry owner of a GitHub repository URL: ghcr.io paths are lower case. */
export function imageOwner(repoUrl: string): string {
  const match = GITHUB_REPO_URL.exec(repoUrl);
  if (!match) throw new UsageError(`${repoUrl} is not an https GitHub repository URL.`);
  return match[1]!.toLowerCase();
}

export function imageRepository(owner: string, component: (typeof COMPONENTS)[number]): string {
  return `ghcr.io/${owner}/todo-chatbot-${component}`;
}

/** YAML files below dir, Helm templates left out (they are not YAML until rendered). */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'templates' ? [] : yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

/** Rewrites every repository URL under repoURL keys and in sourceRepos lists; returns the new text. */
function pointArgoFile(source: string, repoUrl: string): string {
  const documents = parseAllDocuments(source);
  if (!Array.isArray(documents)) throw new Error('unexpected YAML stream');
  for (const document of documents) {
    if (document.errors.length > 0) throw new Error(document.errors[0]!.message);
    visit(document, {
      Pair(_, pair) {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        if (key === 'repoURL' && isScalar(pair.value) && pair.value.value) pair.value.value = repoUrl;
        if (key === 'sourceRepos' && isSeq(pair.value)) {
          for (const item of pair.value.items) if (isScalar(item) && item.value) item.value = repoUrl;
        }
      },
    });
  }
  return documents.map((document) => document.toString({ lineWidth: 0 })).join('');
}

function pointEnvironmentFile(source: string, owner: string): string {
  const document = parseDocument(source);
  for (const component of COMPONENTS) {
    const repository = imageRepository(owner, component);
    if (
      isMap(document.getIn([component, 'image'])) &&
      document.getIn([component, 'image', 'repository']) !== repository
    ) {
      document.setIn([component, 'image', 'repository'], repository);
      // A digest names an image in the old owner's registry: the new one has none under it.
      document.deleteIn([component, 'image', 'digest']);
    }
  }
  return document.toString({ lineWidth: 0 });
}

/**
 * Applies both rewrites under repoRoot; returns the files that changed, relative to it. The image owner
 * comes from a GitHub URL, or is given (bootstrap/e2e.sh's in-cluster repository has none).
 */
export function pointAtFork(repoRoot: string, repoUrl: string, owner = imageOwner(repoUrl)): string[] {
  const environments = join(repoRoot, 'environments');
  const targets: [string, (source: string) => string][] = [
    ...yamlFiles(join(repoRoot, 'argocd')).map(
      (file) => [file, (s: string) => pointArgoFile(s, repoUrl)] as [string, (s: string) => string],
    ),
    ...readdirSync(environments)
      .map((environment) => join(environments, environment, 'values.yaml'))
      .filter((file) => existsSync(file))
      .map((file) => [file, (s: string) => pointEnvironmentFile(s, owner)] as [string, (s: string) => string]),
  ];
  const changed: string[] = [];
  for (const [file, rewrite] of targets) {
    const before = readFileSync(file, 'utf8');
    const after = rewrite(before);
    if (after !== before) {
      writeFileSync(file, after);
      changed.push(relative(repoRoot, file));
    }
  }
  return changed;
}
