/**
 * Pins image tags in environments/<env>/values.yaml (release.yml, promote.yml, and by hand).
 *
 *   node tools/delivery/src/bump-image-tags.cli.ts --env dev --tag <sha> [--component api|web]
 *   node tools/delivery/src/bump-image-tags.cli.ts --from dev --to prod [--component api|web]
 *
 * Options: --root <dir> (the repository holding environments/, default: this repository).
 * Exit codes: 0 done (prints the unified diff, or "no change"), 2 refused input, 1 any other failure.
 * Runs under Node 22's type stripping, hence the `.ts` suffixes.
 */
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './binaries.ts';
import {
  assertValidComponent,
  assertValidTag,
  bumpImageTags,
  COMPONENTS,
  tagsToPromote,
  UsageError,
  type Component,
  type ImageTags,
} from './bump-image-tags.ts';

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      env: { type: 'string' },
      tag: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      component: { type: 'string' },
      root: { type: 'string' },
    },
    strict: true,
  });
  const root = values.root ?? REPO_ROOT;
  let components: readonly Component[] = COMPONENTS;
  if (values.component !== undefined) {
    const component = values.component;
    assertValidComponent(component);
    components = [component];
  }

  let environment: string;
  const tags: ImageTags = {};
  if (values.env !== undefined && values.tag !== undefined && values.from === undefined && values.to === undefined) {
    assertValidTag(values.tag);
    environment = values.env;
    for (const component of components) tags[component] = values.tag;
  } else if (values.from !== undefined && values.to !== undefined && values.env === undefined && values.tag === undefined) {
    environment = values.to;
    Object.assign(tags, tagsToPromote(root, values.from, components));
  } else {
    throw new UsageError('Usage: bump-image-tags --env <env> --tag <tag> [--component api|web], or --from <env> --to <env> [--component api|web].');
  }

  const result = bumpImageTags(root, environment, tags);
  process.stdout.write(result.changed ? result.diff : `no change: ${result.file} already pins those tags\n`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  // parseArgs reports unknown or malformed options as TypeErrors with an ERR_PARSE_ARGS_* code.
  const code = (error as { code?: unknown }).code;
  const isParseError = typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
  const message = error instanceof Error ? error.message : String(error);
  // One sentence: parseArgs adds hint lines after the first.
  process.stderr.write(`${message.split('\n')[0]}\n`);
  process.exitCode = error instanceof UsageError || isParseError ? 2 : 1;
}
