import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, parse, parseDocument, Scalar, type Document } from 'yaml';

/** The images an environment's values file pins: `<component>.image.tag`, and `.digest` when CI pushed it. */
export const COMPONENTS = ['api', 'web'] as const;
export type Component = (typeof COMPONENTS)[number];
export type ImageTags = Partial<Record<Component, string>>;
/** Per component: the manifest digest the tag was pushed as; '' for none (an image built locally). */
export type ImageDigests = Partial<Record<Component, string>>;

/** OCI distribution-spec tag grammar. */
const OCI_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const ENVIRONMENT_NAME = /^[a-z0-9][a-z0-9-]*$/;
/** The tags release.yml pushes: the full commit sha. */
const GIT_SHA = /^[0-9a-f]{40}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** A refusal the CLI reports with exit code 2 (bad input), as opposed to a failure (exit 1). */
export class UsageError extends Error {}

export function assertValidTag(tag: string): void {
  if (tag === 'latest') {
    throw new UsageError(
      'Refusing the tag "latest": pin an immutable tag such as the git SHA so every deploy is reproducible.',
    );
  }
  if (!OCI_TAG.test(tag)) {
    throw new UsageError(`"${tag}" is not a valid image tag (allowed: [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}).`);
  }
}

export function assertValidDigest(digest: string): void {
  if (!DIGEST.test(digest)) {
    throw new UsageError(
      `"${digest}" is not an image digest (sha256: and 64 lowercase hex characters, as buildx prints it).`,
    );
  }
}

export function assertValidComponent(component: string): asserts component is Component {
  if (!(COMPONENTS as readonly string[]).includes(component)) {
    throw new UsageError(`Unknown component "${component}" (expected one of: ${COMPONENTS.join(', ')}).`);
  }
}

export function valuesFileOf(repoRoot: string, environment: string): string {
  if (!ENVIRONMENT_NAME.test(environment)) {
    throw new UsageError(`"${environment}" is not an environment name (lowercase letters, digits and dashes).`);
  }
  return join(repoRoot, 'environments', environment, 'values.yaml');
}

function tagPath(component: Component): string[] {
  return [component, 'image', 'tag'];
}
function digestPath(component: Component): string[] {
  return [component, 'image', 'digest'];
}

/** The tags a values file currently pins (a component without `image.tag` is left out). */
export function readImageTags(source: string): ImageTags {
  const document = parseDocument(source);
  const tags: ImageTags = {};
  for (const component of COMPONENTS) {
    const tag: unknown = document.getIn(tagPath(component));
    if (tag !== undefined && tag !== null) tags[component] = String(tag);
  }
  return tags;
}

/** The digests a values file pins: '' where `image.digest` is absent, null or empty. */
export function readImageDigests(source: string): ImageDigests {
  const document = parseDocument(source);
  const digests: ImageDigests = {};
  for (const component of COMPONENTS) {
    const digest: unknown = document.getIn(digestPath(component));
    digests[component] = digest === undefined || digest === null ? '' : String(digest);
  }
  return digests;
}

type Edit = { start: number; end: number; text: string };

/** The source range of `<component>.image.<key>: value` (its whole line, newline included) when it has a line of its own. */
function ownLine(
  source: string,
  document: Document,
  component: Component,
  key: string,
): { start: number; end: number; indent: string } | undefined {
  const image = document.getIn([component, 'image'], true);
  const pair =
    isMap(image) && !image.flow ? image.items.find((item) => isScalar(item.key) && item.key.value === key) : undefined;
  if (!isScalar(pair?.key) || pair.key.range == null || !isScalar(pair.value) || pair.value.range == null)
    return undefined;
  const start = source.lastIndexOf('\n', pair.key.range[0]) + 1;
  const indent = source.slice(start, pair.key.range[0]);
  if (!/^ *$/.test(indent)) return undefined;
  const newline = source.indexOf('\n', pair.value.range[1]);
  return { start, end: newline === -1 ? source.length : newline + 1, indent };
}

/**
 * The edit that pins a component's digest next to its tag: a `digest:` line under the tag line, or the
 * existing value replaced. An empty digest removes the line, so a tag-only bump leaves the file as it was
 * before digests (a locally built image has none, and another build's digest must not stay behind).
 */
function digestEdit(source: string, document: Document, component: Component, digest: string): Edit | undefined {
  const node = document.getIn(digestPath(component), true);
  const current =
    node === undefined || (isScalar(node) && node.value === null)
      ? ''
      : isScalar(node)
        ? String(node.value)
        : undefined;
  if (current === digest) return undefined;
  if (node !== undefined) {
    if (!isScalar(node) || node.range == null)
      throw new Error(`The values file has no scalar ${digestPath(component).join('.')} to set.`);
    const line = ownLine(source, document, component, 'digest');
    if (digest === '' && line !== undefined) return { ...line, text: '' };
    const [start, end] = node.range;
    // An empty `digest:` has its (null) value right after the colon.
    const space = source[start - 1] === ':' ? ' ' : '';
    return { start, end, text: space + scalarText(digest, node.value === null ? Scalar.PLAIN : node.type) };
  }
  const tag = document.getIn(tagPath(component), true) as Scalar;
  const line = ownLine(source, document, component, 'tag');
  if (line === undefined)
    throw new Error(`${component}.image.tag is not on a line of its own in a block map: add image.digest by hand.`);
  const text = `${line.indent}digest: ${scalarText(digest, tag.type)}\n`;
  return { start: line.end, end: line.end, text: source[line.end - 1] === '\n' ? text : `\n${text.trimEnd()}` };
}

/**
 * Sets the given tags. The yaml Document API locates each tag scalar (its exact source range) and only
 * those characters are replaced, so every other byte of the file — comments, alignment, quoting, key
 * order — stays as it was. A missing `<component>.image.tag` is reported rather than created: a typo in
 * the file should surface, not be papered over by a new tree. Each tagged component's digest is set to
 * `digests[component]`, or removed when none is given.
 */
export function setImageTags(source: string, tags: ImageTags, digests: ImageDigests = {}): string {
  const document = parseDocument(source);
  if (document.errors.length > 0) {
    throw new Error(`The values file is not valid YAML: ${document.errors[0]?.message}`);
  }
  const edits: Edit[] = [];
  for (const component of COMPONENTS) {
    const tag = tags[component];
    const digest = digests[component] ?? '';
    if (tag === undefined) {
      if (digest !== '') throw new UsageError(`A digest for ${component} needs its tag.`);
      continue;
    }
    assertValidTag(tag);
    if (digest !== '') assertValidDigest(digest);
    const node = document.getIn(tagPath(component), true);
    if (!isScalar(node) || node.range == null) {
      throw new Error(`The values file has no scalar ${tagPath(component).join('.')} to set.`);
    }
    if (String(node.value) !== tag)
      edits.push({ start: node.range[0], end: node.range[1], text: scalarText(tag, node.type) });
    const edit = digestEdit(source, document, component, digest);
    if (edit !== undefined) edits.push(edit);
  }
  let result = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  const written = readImageTags(result);
  const writtenDigests = readImageDigests(result);
  for (const component of COMPONENTS) {
    const expected = tags[component];
    if (expected === undefined) continue;
    const expectedDigest = digests[component] ?? '';
    if (written[component] !== expected || writtenDigests[component] !== expectedDigest) {
      throw new Error(
        `Setting ${component}.image did not read back as "${expected}" "${expectedDigest}"; the file was left unchanged.`,
      );
    }
  }
  return result;
}

/** The value in the scalar's own quoting style; a plain scalar YAML would not read back as this string is quoted. */
function scalarText(value: string, type: Scalar.Type | undefined): string {
  // Tags and digests match their grammars, so they never need escaping inside quotes.
  if (type === Scalar.QUOTE_DOUBLE) return `"${value}"`;
  if (type === Scalar.QUOTE_SINGLE) return `'${value}'`;
  if (type === Scalar.PLAIN && parse(value) === value) return value;
  if (type === Scalar.PLAIN) return `"${value}"`;
  throw new Error(`The image tag or digest is a ${type ?? 'non-plain'} scalar; write it as a plain or quoted scalar.`);
}

/** A unified diff (3 lines of context) between two versions of a file, or '' when they are equal. */
export function unifiedDiff(before: string, after: string, label: string): string {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  // Longest common subsequence table: values files are small, O(n·m) is fine.
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  type Line = { op: ' ' | '-' | '+'; text: string; aLine: number; bLine: number };
  const lines: Line[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) lines.push({ op: ' ', text: a[i++]!, aLine: i, bLine: ++j });
    // Deletions before insertions, as diff(1) prints them.
    else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!))
      lines.push({ op: '-', text: a[i++]!, aLine: i, bLine: j });
    else lines.push({ op: '+', text: b[j++]!, aLine: i, bLine: j });
  }
  const context = 3;
  const output = [`--- a/${label}`, `+++ b/${label}`];
  let index = 0;
  while (index < lines.length) {
    const firstChange = lines.findIndex((line, k) => k >= index && line.op !== ' ');
    if (firstChange === -1) break;
    const start = Math.max(index, firstChange - context);
    let end = firstChange;
    // Extend the hunk while the next change is within 2·context unchanged lines.
    for (let k = firstChange; k < lines.length; k++) {
      if (lines[k]!.op !== ' ') end = k;
      else if (k - end > 2 * context) break;
    }
    const stop = Math.min(lines.length, end + context + 1);
    const hunk = lines.slice(start, stop);
    const aCount = hunk.filter((line) => line.op !== '+').length;
    const bCount = hunk.filter((line) => line.op !== '-').length;
    const aStart = hunk.find((line) => line.op !== '+')?.aLine ?? lines[start]!.aLine;
    const bStart = hunk.find((line) => line.op !== '-')?.bLine ?? lines[start]!.bLine;
    output.push(`@@ -${aStart},${aCount} +${bStart},${bCount} @@`);
    for (const line of hunk) output.push(`${line.op}${line.text}`);
    index = stop;
  }
  return `${output.join('\n')}\n`;
}

export interface BumpResult {
  file: string;
  changed: boolean;
  diff: string;
}

/** Writes the tags (and digests) into one environment's values file; leaves the file untouched when nothing changes. */
export function bumpImageTags(
  repoRoot: string,
  environment: string,
  tags: ImageTags,
  digests: ImageDigests = {},
): BumpResult {
  const file = valuesFileOf(repoRoot, environment);
  if (!existsSync(file)) throw new Error(`${file} does not exist.`);
  const before = readFileSync(file, 'utf8');
  const after = setImageTags(before, tags, digests);
  if (after === before) return { file, changed: false, diff: '' };
  writeFileSync(file, after);
  return { file, changed: true, diff: unifiedDiff(before, after, `environments/${environment}/values.yaml`) };
}

/** The tags to copy from one environment to another (promotion), limited to the chosen components. */
export function tagsToPromote(repoRoot: string, from: string, components: readonly Component[]): ImageTags {
  const file = valuesFileOf(repoRoot, from);
  if (!existsSync(file)) throw new Error(`${file} does not exist.`);
  const current = readImageTags(readFileSync(file, 'utf8'));
  const tags: ImageTags = {};
  for (const component of components) {
    const tag = current[component];
    if (tag === undefined)
      throw new Error(`environments/${from}/values.yaml has no ${component}.image.tag to promote.`);
    tags[component] = tag;
  }
  return tags;
}

/** The digests going with tagsToPromote's tags ('' where the source pins none). */
export function digestsToPromote(repoRoot: string, from: string, components: readonly Component[]): ImageDigests {
  const current = readImageDigests(readFileSync(valuesFileOf(repoRoot, from), 'utf8'));
  return Object.fromEntries(components.map((component) => [component, current[component] ?? '']));
}

/**
 * Refuses a promotion of tags CI never built (anything but a full git sha, e.g. the chart's initial
 * appVersion) and, given the tag someone checked dev against, a promotion after dev has moved on.
 */
export function assertPromotable(from: string, tags: ImageTags, expected?: string): void {
  if (expected !== undefined && !GIT_SHA.test(expected)) {
    throw new UsageError(`--expect-tag "${expected}" is not a full git sha (40 lowercase hex characters).`);
  }
  for (const component of COMPONENTS) {
    const tag = tags[component];
    if (tag === undefined) continue;
    if (!GIT_SHA.test(tag)) {
      throw new Error(
        `environments/${from}/values.yaml pins ${component}.image.tag "${tag}", which is not a git sha: only images release.yml built from a commit on main can be promoted, so push to main and promote once that commit's bump has reached ${from}.`,
      );
    }
    if (expected !== undefined && tag !== expected) {
      throw new Error(
        `environments/${from}/values.yaml now pins ${component}.image.tag ${tag}, not the checked ${expected}: ${from} moved on since the check, so check it again (bootstrap/promote.sh) and re-run.`,
      );
    }
  }
}
