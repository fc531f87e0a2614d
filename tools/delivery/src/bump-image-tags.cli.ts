/**
 * Pins image tags (and digests) in environments/<env>/values.yaml (release.yml, promote.yml, and by hand).
 *
 *   node tools/delivery/src/bump-image-tags.cli.ts --env dev --tag <sha> [--component api|web]
 *     [--digest api=sha256:<hex>] [--digest web=sha256:<hex>]
 *   node tools/delivery/src/bump-image-tags.cli.ts --from dev --to prod [--component api|web]
 *     [--require-git-sha] [--expect-tag <sha>]
 *
 * A bumped component gets the digest given for it, or none: an existing digest is cleared, since it belongs
 * to another build (images built locally have no registry digest). A promotion copies tag and digest.
 * Options: --root <dir> (the repository holding environments/, default: this repository);
 * --require-git-sha refuses to promote a tag that is not a full git sha; --expect-tag refuses unless the
 * source environment still pins that sha (it was checked, then moved on).
 * Exit codes: 0 done (prints the unified diff, or "no change"), 2 refused input, 1 any other failure
 * (including a refused promotion).
 * Runs under Node 22's type stripping, hence the `.ts` suffixes.
 */
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './binaries.ts';
import {
  assertPromotable,
  assertValidComponent,
  assertValidDigest,
  assertValidTag,
  bumpImageTags,
  COMPONENTS,
  digestsToPromote,
  tagsToPromote,
  UsageError,
  type Component,
  type ImageDigests,
  type ImageTags,
} from './bump-image-tags.ts';

/** `--digest <component>=sha256:<hex>`, once per component, only for the components being bumped. */
function parseDigests(values: readonly string[], components: readonly Component[]): ImageDigests {
  const digests: ImageDigests = {};
  for (const value of values) {
    const [component = '', digest = ''] = value.split(/=(.*)/s);
    assertValidComponent(component);
    if (!components.includes(component))
      throw new UsageError(`--digest ${component}=… is for a component this bump leaves alone.`);
    if (digests[component] !== undefined) throw new UsageError(`--digest ${component}=… is given twice.`);
    assertValidDigest(digest);
    digests[component] = digest;
  }
  return digests;
}

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
      'require-git-sha': { type: 'boolean', default: false },
      'expect-tag': { type: 'string' },
      digest: { type: 'string', multiple: true },
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
  let digests: ImageDigests;
  const promotionOnly = values['require-git-sha'] || values['expect-tag'] !== undefined;
  if (
    values.env !== undefined &&
    values.tag !== undefined &&
    values.from === undefined &&
    values.to === undefined &&
    !promotionOnly
  ) {
    assertValidTag(values.tag);
    environment = values.env;
    for (const component of components) tags[component] = values.tag;
    digests = parseDigests(values.digest ?? [], components);
  } else if (
    values.from !== undefined &&
    values.to !== undefined &&
    values.env === undefined &&
    values.tag === undefined &&
    values.digest === undefined
  ) {
    environment = values.to;
    Object.assign(tags, tagsToPromote(root, values.from, components));
    if (promotionOnly) assertPromotable(values.from, tags, values['expect-tag']);
    digests = digestsToPromote(root, values.from, components);
  } else {
    throw new UsageError(
      'Usage: bump-image-tags --env <env> --tag <tag> [--component api|web] [--digest <component>=sha256:<hex>]..., or --from <env> --to <env> [--component api|web] [--require-git-sha] [--expect-tag <sha>].',
    );
  }

  const result = bumpImageTags(root, environment, tags, digests);
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
