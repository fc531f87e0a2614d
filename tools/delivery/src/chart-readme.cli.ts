/**
 * node tools/delivery/src/chart-readme.cli.ts [--check]
 * Rewrites the values table of charts/chatbot/README.md from values.yaml; --check only says whether it
 * is up to date (exit 1 if not).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './binaries.ts';
import { withValuesTable } from './chart-readme.ts';

const { values } = parseArgs({ options: { check: { type: 'boolean' } } });
const readmePath = `${REPO_ROOT}charts/chatbot/README.md`;
const readme = readFileSync(readmePath, 'utf8');
const updated = withValuesTable(readme, readFileSync(`${REPO_ROOT}charts/chatbot/values.yaml`, 'utf8'));
if (values.check) {
  if (updated !== readme) {
    process.stderr.write('charts/chatbot/README.md is out of date with values.yaml: run npm run chart-readme.\n');
    process.exitCode = 1;
  }
} else if (updated !== readme) {
  writeFileSync(readmePath, updated);
  process.stdout.write('Rewrote the values table of charts/chatbot/README.md.\n');
}
