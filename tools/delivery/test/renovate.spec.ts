/**
 * renovate.json: the shape Renovate needs, and every custom regex manager matching a real pin, so a renamed
 * variable cannot silently stop its updates. Renovate itself is not installed: its manager semantics are
 * reproduced for the parts this repository relies on.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';

// The repository this test lives in, not DELIVERY_REPO_ROOT: the fork replay copies only the GitOps files,
// and a fork's rewrite touches none of Renovate's inputs.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface CustomManager {
  customType: string;
  managerFilePatterns: string[];
  matchStrings: string[];
  [template: string]: unknown;
}
interface PackageRule {
  matchManagers?: string[];
  matchPackageNames?: string[];
  matchUpdateTypes?: string[];
  groupName?: string;
  enabled?: boolean;
}
interface RenovateConfig {
  $schema: string;
  extends: string[];
  lockFileMaintenance: { enabled: boolean; schedule: string[] };
  packageRules: PackageRule[];
  customManagers: CustomManager[];
}

const config = JSON.parse(readFileSync(`${ROOT}renovate.json`, 'utf8')) as RenovateConfig;
/** What Renovate sees: the repository's files, ignored ones (node_modules, builds) left out. */
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
  cwd: ROOT,
  encoding: 'utf8',
})
  .split('\0')
  .filter((file) => file !== '' && !file.includes('node_modules/'));
const read = (file: string) => readFileSync(`${ROOT}${file}`, 'utf8');

/** The keys Renovate's validator accepts in a custom manager (lib/config/validation.ts). */
const CUSTOM_MANAGER_KEYS = [
  'customType',
  'description',
  'fileFormat',
  'managerFilePatterns',
  'matchStrings',
  'matchStringsStrategy',
  'depNameTemplate',
  'packageNameTemplate',
  'datasourceTemplate',
  'versioningTemplate',
  'registryUrlTemplate',
  'currentValueTemplate',
  'extractVersionTemplate',
  'autoReplaceStringTemplate',
  'depTypeTemplate',
];

/** A `/regex/` pattern as Renovate writes it in managerFilePatterns and matchPackageNames. */
function slashRegex(pattern: string): RegExp {
  const match = /^\/(.*)\/([a-z]*)$/s.exec(pattern);
  if (!match) throw new Error(`${pattern} is not a /regex/ pattern`);
  return new RegExp(match[1]!, match[2]);
}
/** A matchString as JavaScript runs it: RE2's (?P<name>) is (?<name>); Renovate matches globally, no multiline. */
function matchStringRegex(matchString: string): RegExp {
  return new RegExp(matchString.replace(/\(\?P</g, '(?<'), 'g');
}
const selectedFiles = (manager: CustomManager) =>
  files.filter((file) => manager.managerFilePatterns.some((pattern) => slashRegex(pattern).test(file)));

/** Every match of every custom manager: file, the matched text and its named groups. */
const matches = config.customManagers.flatMap((manager) =>
  manager.matchStrings.flatMap((matchString) =>
    selectedFiles(manager).flatMap((file) =>
      [...read(file).matchAll(matchStringRegex(matchString))].map((match) => ({
        manager,
        matchString,
        file,
        text: match[0],
        groups: match.groups ?? {},
      })),
    ),
  ),
);

describe('renovate.json', () => {
  it('is the shape Renovate reads: schema, presets that keep actions pinned, no deprecated fileMatch', () => {
    expect(config.$schema).toBe('https://docs.renovatebot.com/renovate-schema.json');
    expect(config.extends).toEqual(expect.arrayContaining(['config:recommended', 'helpers:pinGitHubActionDigests']));
    // Renovate 41 renamed fileMatch: a config using it gets a migration pull request instead of updates.
    expect(JSON.stringify(config)).not.toContain('"fileMatch"');
  });

  it('maintains the lock file weekly, and groups npm minor and patch updates', () => {
    expect(config.lockFileMaintenance.enabled).toBe(true);
    expect(config.lockFileMaintenance.schedule).toHaveLength(1);
    // Cron: one day of the week.
    expect(config.lockFileMaintenance.schedule[0]).toMatch(/^\S+ \S+ \* \* [0-6]$/);
    const group = config.packageRules.find(
      (rule) => rule.groupName !== undefined && rule.matchManagers?.includes('npm'),
    );
    expect(group?.matchUpdateTypes?.sort()).toEqual(['minor', 'patch']);
  });

  it("leaves the app's own images to release.yml (built-in managers would otherwise look them up)", () => {
    const disabled = config.packageRules
      .filter((rule) => rule.enabled === false)
      .flatMap((rule) => rule.matchPackageNames ?? []);
    const values = (file: string) => parse(read(file)) as Record<string, { image?: { repository?: string } }>;
    const repositories = [
      'charts/chatbot/values.yaml',
      ...files.filter((file) => /^environments\/[^/]+\/values\.yaml$/.test(file)),
    ].flatMap((file) => ['api', 'web'].map((component) => values(file)[component]?.image?.repository));
    const composeImages = [...read('compose.yaml').matchAll(/image: \$\{\w+:-([^}]+)\}/g)]
      .map((match) => match[1]!.split(':')[0]!)
      .filter((name) => name.includes('todo-chatbot'));
    expect(composeImages.length).toBeGreaterThan(0);
    for (const name of [...repositories, ...composeImages]) {
      expect({ name, disabled: disabled.some((pattern) => slashRegex(pattern).test(String(name))) }).toEqual({
        name,
        disabled: true,
      });
    }
    expect(disabled.some((pattern) => slashRegex(pattern).test('postgres'))).toBe(false);
  });

  it.each(config.customManagers.map((manager, index) => [index, manager] as const))(
    'custom manager %i has only keys Renovate accepts, and what a regex manager needs',
    (_index, manager) => {
      expect(Object.keys(manager).filter((key) => !CUSTOM_MANAGER_KEYS.includes(key))).toEqual([]);
      expect(manager.customType).toBe('regex');
      expect(manager.managerFilePatterns.length).toBeGreaterThan(0);
      expect(manager.matchStrings.length).toBeGreaterThan(0);
      for (const matchString of manager.matchStrings) {
        // RE2 (Renovate's engine) has no lookaround and no backreferences.
        expect(matchString).not.toMatch(/\(\?<?[=!]|\\[1-9]/);
        const groups = new Set([...matchString.matchAll(/\(\?P?<(\w+)>/g)].map((group) => group[1]));
        expect(groups.has('currentValue') || manager.currentValueTemplate !== undefined).toBe(true);
        expect(
          groups.has('depName') ||
            groups.has('packageName') ||
            manager.depNameTemplate !== undefined ||
            manager.packageNameTemplate !== undefined,
        ).toBe(true);
        expect(groups.has('datasource') || manager.datasourceTemplate !== undefined).toBe(true);
      }
    },
  );
});

describe('renovate.json custom managers match real pins', () => {
  it.each(
    config.customManagers.flatMap((manager) =>
      manager.matchStrings.map((matchString) => [matchString, manager] as const),
    ),
  )('%s matches a pin in the files it selects', (matchString, manager) => {
    expect(selectedFiles(manager).length).toBeGreaterThan(0);
    const found = matches.filter((match) => match.matchString === matchString && match.manager === manager);
    expect(found.length).toBeGreaterThan(0);
    for (const { groups } of found) {
      expect(groups.currentValue).toMatch(/\S/);
      const versioning =
        typeof manager.versioningTemplate === 'string' ? /^regex:(.*)$/.exec(manager.versioningTemplate) : null;
      // A value the versioning cannot read is skipped by Renovate, never updated.
      if (versioning) expect(groups.currentValue).toMatch(new RegExp(versioning[1]!.replace(/\(\?P</g, '(?<')));
    }
  });

  it('every version pinned in a bootstrap script or a workflow is matched by a custom manager', () => {
    const pins = files
      .filter((file) => /^bootstrap\/.+\.sh$/.test(file) || /^\.github\/workflows\/[^/]+\.ya?ml$/.test(file))
      .flatMap((file) =>
        [
          ...read(file).matchAll(
            /^.*\b(?:[A-Z][A-Z0-9_]*_VERSION|[\w-]*version)\s*[:=]\s*["']?v?\d+(?:\.\d+)+\b.*$/gim,
          ),
        ].map((line) => ({ file, line: line[0].trim() })),
      );
    expect(pins.length).toBeGreaterThan(0);
    for (const pin of pins) {
      const covered = matches.some(
        (match) => match.file === pin.file && pin.line.includes(match.text.trim().split('\n')[0]!),
      );
      expect({ ...pin, covered }).toEqual({ ...pin, covered: true });
    }
  });
});

describe("the files Renovate's built-in managers update", () => {
  it.each(files.filter((file) => file === 'Dockerfile'))(
    '%s names its base image in an ARG default, which the dockerfile manager resolves in FROM',
    (file) => {
      const source = read(file);
      const arg = /^ARG (\w+)=([^\s:@]+):(\S+)$/m.exec(source);
      expect(arg).not.toBeNull();
      expect(source.indexOf(arg![0])).toBeLessThan(source.search(/^FROM /m));
      expect(source).toMatch(new RegExp(`^FROM \\$\\{${arg![1]}\\}`, 'm'));
    },
  );

  it('compose.yaml pins each third-party image as name:tag, bare or as a ${VAR:-default} the docker-compose manager reads', () => {
    const images = [...read('compose.yaml').matchAll(/^\s*image: (.+)$/gm)].map((match) => match[1]!.trim());
    const thirdParty = images.filter((image) => !image.includes('todo-chatbot'));
    expect(thirdParty.length).toBeGreaterThan(0);
    for (const image of thirdParty) expect(image).toMatch(/^(\$\{\w+:-[^:@}\s]+:[^}\s]+\}|[^$:@\s]+:\S+)$/);
  });

  it("the chart's postgres image is a repository and tag pair the helm-values manager reads", () => {
    const values = parse(read('charts/chatbot/values.yaml')) as {
      postgresql: { image: { repository: string; tag: string } };
    };
    expect(values.postgresql.image.repository).toMatch(/^[a-z0-9./-]+$/);
    expect(values.postgresql.image.tag).toMatch(/^\d+/);
  });
});
