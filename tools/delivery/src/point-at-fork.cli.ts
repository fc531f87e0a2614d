/**
 * Points argocd/ and environments/ at a fork (bootstrap/minikube.sh runs it before its commit):
 *
 *   node tools/delivery/src/point-at-fork.cli.ts <git remote URL>           rewrites, prints the files it changed
 *   node tools/delivery/src/point-at-fork.cli.ts --check <git remote URL>   only prints the https URL it would write
 *   node tools/delivery/src/point-at-fork.cli.ts --owner <name> <any URL>   any repository, images under ghcr.io/<name>
 *
 * Options: --root <dir> (default: this repository). Exit codes: 0 done, 2 refused input, 1 failure.
 */
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './binaries.ts';
import { UsageError } from './bump-image-tags.ts';
import { githubHttpsUrl, pointAtFork } from './point-at-fork.ts';

try {
  const { values, positionals } = parseArgs({
    options: { root: { type: 'string' }, check: { type: 'boolean' }, owner: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length !== 1)
    throw new UsageError('Usage: point-at-fork [--check] [--owner <name>] <git remote URL of your fork>.');
  if (values.owner !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(values.owner))
    throw new UsageError(`--owner ${values.owner} is not a lower-case registry owner.`);
  const repoUrl = values.owner === undefined ? githubHttpsUrl(positionals[0]!) : positionals[0]!;
  if (values.check) process.stdout.write(`${repoUrl}\n`);
  else
    for (const file of pointAtFork(values.root ?? REPO_ROOT, repoUrl, values.owner))
      process.stdout.write(`Pointed ${file} at ${repoUrl}.\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
