/**
 * Reads and writes environment values for the bootstrap scripts (bash should not parse YAML).
 *
 *   node tools/delivery/src/environment-values.cli.ts get <env> <dotted.key>   effective value ('' if unset)
 *   node tools/delivery/src/environment-values.cli.ts image <env> api|web      repository:tag (what a local build is named)
 *   node tools/delivery/src/environment-values.cli.ts deployed-image <env> api|web   repository:tag[@digest] the chart deploys
 *   node tools/delivery/src/environment-values.cli.ts set-encrypted-data <env> < {"KEY":"ciphertext",...}
 *   node tools/delivery/src/environment-values.cli.ts sealed-secret <env>      its SealedSecret as JSON ('' if not sealed)
 *   node tools/delivery/src/environment-values.cli.ts set <env> <dotted.key> <YAML scalar>   one value, comments kept
 *
 * Options: --root <dir> (default: this repository). Exit codes: 0 done, 2 refused input, 1 failure.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './binaries.ts';
import { UsageError } from './bump-image-tags.ts';
import { parse } from 'yaml';
import {
  deployedImageOf,
  effectiveValues,
  imageOf,
  sealedSecretOf,
  setEncryptedData,
  setValue,
  valueAt,
} from './environment-values.ts';

function main(argv: string[]): void {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { root: { type: 'string' } },
    allowPositionals: true,
  });
  const root = values.root ?? REPO_ROOT;
  const [command, environment, argument, value] = positionals;
  if (command === 'get' && environment !== undefined && argument !== undefined) {
    const value = valueAt(effectiveValues(root, environment), argument);
    process.stdout.write(
      `${value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)}\n`,
    );
  } else if (
    (command === 'image' || command === 'deployed-image') &&
    environment !== undefined &&
    (argument === 'api' || argument === 'web')
  ) {
    process.stdout.write(`${(command === 'image' ? imageOf : deployedImageOf)(root, environment, argument)}\n`);
  } else if (command === 'set-encrypted-data' && environment !== undefined && argument === undefined) {
    const encryptedData: unknown = JSON.parse(readFileSync(0, 'utf8'));
    if (typeof encryptedData !== 'object' || encryptedData === null || Array.isArray(encryptedData)) {
      throw new UsageError('Expected a JSON object of secret key to ciphertext on stdin.');
    }
    const diff = setEncryptedData(root, environment, encryptedData as Record<string, string>);
    process.stdout.write(diff === '' ? 'no change\n' : diff);
  } else if (command === 'set' && environment !== undefined && argument !== undefined && value !== undefined) {
    const diff = setValue(root, environment, argument, parse(value) as unknown);
    process.stdout.write(diff === '' ? 'no change\n' : diff);
  } else if (command === 'sealed-secret' && environment !== undefined && argument === undefined) {
    const sealed = sealedSecretOf(root, environment);
    process.stdout.write(sealed === null ? '' : `${JSON.stringify(sealed)}\n`);
  } else {
    throw new UsageError(
      'Usage: environment-values get <env> <key> | image|deployed-image <env> api|web | set-encrypted-data <env> (JSON on stdin) | sealed-secret <env> | set <env> <key> <value>.',
    );
  }
}

try {
  main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
