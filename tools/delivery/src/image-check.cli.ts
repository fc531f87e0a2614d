/**
 * Checks that images can be pulled before they are pinned (release.yml, promote.yml, and by hand).
 *
 *   node tools/delivery/src/image-check.cli.ts [--allow-private] <registry/repository:tag>...
 *   node tools/delivery/src/image-check.cli.ts [--allow-private] --env <env> [--component api|web]
 *
 * By default each image must be pullable anonymously (a cluster without an imagePullSecret);
 * --allow-private only requires that it exists for the credentials. Credentials come from the environment,
 * never argv: REGISTRY_TOKEN and REGISTRY_USERNAME (default "token"). --env reads the images the chart
 * deploys for that environment (--root <dir>, default this repository). --attempts <n> (default 3).
 * Exit codes: 0 every image passes, 1 one does not (one sentence per image on stderr), 2 bad usage.
 */
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './binaries.ts';
import { assertValidComponent, COMPONENTS, UsageError, type Component } from './bump-image-tags.ts';
import { imageOf } from './environment-values.ts';
import { checkImage, parseImageReference, type Credentials } from './image-check.ts';

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      'allow-private': { type: 'boolean', default: false },
      env: { type: 'string' },
      component: { type: 'string' },
      root: { type: 'string' },
      attempts: { type: 'string', default: '3' },
    },
    allowPositionals: true,
    strict: true,
  });
  const attempts = Number(values.attempts);
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > 10)
    throw new UsageError('--attempts must be a whole number from 1 to 10.');

  let texts: string[];
  if (values.env !== undefined && positionals.length === 0) {
    let components: readonly Component[] = COMPONENTS;
    if (values.component !== undefined) {
      const component = values.component;
      assertValidComponent(component);
      components = [component];
    }
    const root = values.root ?? REPO_ROOT;
    texts = components.map((component) => imageOf(root, values.env!, component));
  } else if (values.env === undefined && values.component === undefined && positionals.length > 0) {
    texts = positionals;
  } else {
    throw new UsageError(
      'Usage: image-check [--allow-private] <registry/repository:tag>..., or image-check [--allow-private] --env <env> [--component api|web].',
    );
  }
  const images = texts.map(parseImageReference);

  const token = process.env.REGISTRY_TOKEN ?? '';
  const credentials: Credentials | undefined =
    token === '' ? undefined : { username: process.env.REGISTRY_USERNAME || 'token', password: token };
  let failed = false;
  for (const image of images) {
    const verdict = await checkImage(image, { credentials, allowPrivate: values['allow-private'], attempts });
    (verdict.ok ? process.stdout : process.stderr).write(`${verdict.message}\n`);
    failed ||= !verdict.ok;
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const code = (error as { code?: unknown }).code;
    const isParseError = typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`${(error instanceof Error ? error.message : String(error)).split('\n')[0]}\n`);
    process.exitCode = error instanceof UsageError || isParseError ? 2 : 1;
  },
);
