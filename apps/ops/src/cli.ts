#!/usr/bin/env node
/** chatbot-ops: health and right-sizing of the app's namespace, from the current kubeconfig. */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { llmSettingsFrom } from '@todo-chatbot/api/llm-settings';
import { ClusterUnreachableError, connect, readHealth, readUsage } from './cluster.js';
import { explain, NO_MODEL } from './explain.js';
import { assessHealth } from './health.js';
import { recommend } from './recommend.js';
import { renderHealth, renderRecommend } from './render.js';

export const USAGE = `usage: chatbot-ops <health|recommend> [--namespace <ns>] [--output table|json] [--explain]

  health      deployments, pods, warning events, HPAs and Argo CD applications;
              exit 0 healthy, 1 degraded, 2 cluster unreachable
  recommend   requests/limits per container and HPA advice from metrics.k8s.io usage;
              exit 0 with advice, 1 when metrics-server is missing, 2 cluster unreachable

  -n, --namespace   namespace (default: the kubeconfig context's, else "default")
  -o, --output      table (default) or json; with json, stdout is one JSON document and
                    the one-line reason goes to stderr
      --explain     add a summary by the configured model (OPENAI_API_KEY or LLM_BASE_URL, LLM_MODEL)
  -h, --help        this text

The cluster is the current context of KUBECONFIG (or ~/.kube/config).`;

/** BSD sysexits EX_USAGE. */
export const EXIT_USAGE = 64;
const COMMANDS = ['health', 'recommend'] as const;
type Command = (typeof COMMANDS)[number];

export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
}

interface Options {
  command: Command;
  namespace: string | undefined;
  json: boolean;
  explain: boolean;
}

class UsageError extends Error {}

function parse(argv: string[]): Options | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        namespace: { type: 'string', short: 'n' },
        output: { type: 'string', short: 'o', default: 'table' },
        explain: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // node's messages run on with hints; keep the first sentence.
    throw new UsageError((error as Error).message.split(/\.\s/)[0]!.replace(/\.$/, ''));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const [command, ...rest] = positionals;
  if (command === undefined) throw new UsageError('missing command');
  if (!COMMANDS.includes(command as Command)) throw new UsageError(`unknown command '${command}'`);
  if (rest.length > 0) throw new UsageError(`unexpected argument '${rest[0]}'`);
  if (values.output !== 'table' && values.output !== 'json') {
    throw new UsageError(`--output must be table or json, not '${values.output}'`);
  }
  return {
    command: command as Command,
    namespace: values.namespace,
    json: values.output === 'json',
    explain: values.explain,
  };
}

async function report(options: Options): Promise<{ data: { exitCode: 0 | 1; reason: string }; lines: () => string[] }> {
  const cluster = connect(options.namespace);
  if (options.command === 'health') {
    const data = assessHealth(await readHealth(cluster), new Date());
    return { data, lines: () => renderHealth(data) };
  }
  const data = recommend(await readUsage(cluster));
  return { data, lines: () => renderRecommend(data) };
}

async function explanation(data: unknown, env: NodeJS.ProcessEnv): Promise<string> {
  // The api's own variables and default model.
  const settings = llmSettingsFrom(env);
  if (!settings) return NO_MODEL;
  try {
    return await explain(data, settings);
  } catch (error) {
    // The explanation is an extra: a model failure must not change the verdict.
    return `explanation failed: ${(error as Error).message}`;
  }
}

export async function main(argv: string[], io: Io): Promise<number> {
  let options;
  try {
    options = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`chatbot-ops: ${error.message}.\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (options === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }

  let result;
  try {
    result = await report(options);
  } catch (error) {
    if (!(error instanceof ClusterUnreachableError)) throw error;
    const reason = `unreachable: ${error.message}`;
    if (options.json) {
      io.stdout.write(`${JSON.stringify({ verdict: 'unreachable', exitCode: 2, reason }, null, 2)}\n`);
      io.stderr.write(`${reason}\n`);
    } else {
      io.stdout.write(`${reason}\n`);
    }
    return 2;
  }

  const { data, lines } = result;
  const explained = options.explain ? await explanation(data, io.env) : undefined;
  if (options.json) {
    io.stdout.write(
      `${JSON.stringify(explained === undefined ? data : { ...data, explanation: explained }, null, 2)}\n`,
    );
    io.stderr.write(`${data.reason}\n`);
  } else {
    const explainLines = explained === undefined ? [] : ['', 'Explanation:', explained];
    io.stdout.write(`${[...lines(), ...explainLines, '', data.reason].join('\n')}\n`);
  }
  return data.exitCode;
}

// Run only as the program itself (node dist/cli.js, or the npm bin symlink), not when imported by tests.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  });
}
