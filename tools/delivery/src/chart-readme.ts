/**
 * The values table of charts/chatbot/README.md, made from values.yaml (helm-docs style): one row per
 * leaf value with its default and the comment above it. The README keeps the table between markers;
 * `npm run chart-readme` rewrites it and a test fails when it is stale.
 */
import { parse } from 'yaml';

export const TABLE_START = '<!-- values:start -->';
export const TABLE_END = '<!-- values:end -->';

interface Row {
  key: string;
  default: string;
  description: string;
}

function isTree(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Each key line's dotted path and the comment lines right above it. */
function describedKeys(source: string): Map<string, string> {
  const descriptions = new Map<string, string>();
  const parents: { indent: number; key: string }[] = [];
  let comment: string[] = [];
  for (const line of source.split('\n')) {
    const commentLine = /^\s*# ?(.*)$/.exec(line);
    if (commentLine) {
      comment.push(commentLine[1]!.trim());
      continue;
    }
    const keyLine = /^(\s*)([A-Za-z_][\w.-]*):/.exec(line);
    if (keyLine) {
      const indent = keyLine[1]!.length;
      while (parents.length > 0 && parents.at(-1)!.indent >= indent) parents.pop();
      const path = [...parents.map((p) => p.key), keyLine[2]!].join('.');
      descriptions.set(path, comment.join(' '));
      parents.push({ indent, key: keyLine[2]! });
    }
    comment = [];
  }
  return descriptions;
}

function rows(values: unknown, descriptions: Map<string, string>, prefix = ''): Row[] {
  if (!isTree(values)) return [];
  return Object.entries(values).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isTree(value) && Object.keys(value).length > 0) return rows(value, descriptions, path);
    return [{ key: path, default: JSON.stringify(value), description: descriptions.get(path) ?? '' }];
  });
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The Markdown table for a values.yaml text. */
export function valuesTable(valuesYaml: string): string {
  const lines = rows(parse(valuesYaml), describedKeys(valuesYaml)).map(
    (row) => `| \`${cell(row.key)}\` | \`${cell(row.default)}\` | ${cell(row.description)} |`,
  );
  return ['| key | default | description |', '|---|---|---|', ...lines].join('\n');
}

/** The README with its table region replaced by the table of `valuesYaml`. */
export function withValuesTable(readme: string, valuesYaml: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`the chart README has no ${TABLE_START} … ${TABLE_END} region.`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${valuesTable(valuesYaml)}\n${readme.slice(end)}`;
}
