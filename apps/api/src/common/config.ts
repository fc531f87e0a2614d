import { isIP } from 'node:net';
import { z } from 'zod';
import { API_PORT, JWKS_PATH } from '../contracts.js';
import { ConfigError, requireSetting } from './config-error.js';
import { type LlmSettings, llmSettingsFrom } from './llm-settings.js';

/**
 * Every environment variable the api reads, in one place (the names match the README's configuration table).
 * A missing or invalid required value stops the process with one sentence naming the variable.
 */
const DEFAULT_WEB_URL = 'http://localhost:3000';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(1).max(65535).default(API_PORT),
  /** Default: all interfaces in production (containers), loopback only under `npm start` and in tests. */
  HOST: z.string().min(1).optional(),
  /** Prometheus /metrics on a port of its own, never on the app port; 0 turns it off. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  LLM_BASE_URL: z.string().url().optional(),
  LLM_MODEL: z.string().min(1).optional(),
  BETTER_AUTH_URL: z.string().url().optional(),
  AUTH_JWKS_URL: z.string().url().optional(),
  AUTH_ISSUER: z.string().min(1).optional(),
  AUTH_AUDIENCE: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  /** Chat turns per user per minute (counted in PostgreSQL, across replicas); 0 = no limit. */
  CHAT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).default(0),
  /** Comma-separated IPs or CIDRs of the proxies whose X-Forwarded-For is believed (Express `trust proxy`). */
  TRUSTED_PROXIES: z
    .string()
    .transform((list) =>
      list
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine((entries) => entries.every(isIpOrCidr), 'every entry must be an IP address or a CIDR such as 10.0.0.0/8')
    .default([]),
});

export type Env = z.infer<typeof envSchema>;

function isIpOrCidr(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address ?? '');
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

export interface AppConfig {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  /** 0: no metrics listener. */
  metricsPort: number;
  /** Unset only in development, where the api starts the embedded PostgreSQL instead. */
  databaseUrl?: string;
  /** Development only: where the embedded PostgreSQL and the other private files live (`.data`). */
  dataHome?: string;
  dbPoolMax: number;
  llm: LlmSettings | null;
  auth: { jwksUrl: string; issuer: string; audience: string };
  logLevel: Env['LOG_LEVEL'];
  /** How long readiness fails on SIGTERM before the server stops (lets load balancers drain). */
  shutdownDelayMs: number;
  /** 0: no limit. */
  chatRateLimitPerMinute: number;
  /** Proxies trusted for X-Forwarded-For; empty: the socket's address is the client's. */
  trustedProxies: string[];
}

/** For commands that need only the database (migrations): DATABASE_URL, required. */
export function loadDatabaseUrl(source: NodeJS.ProcessEnv = process.env): string {
  const url = envSchema.shape.DATABASE_URL.safeParse(source.DATABASE_URL);
  if (!url.success) throw new ConfigError('DATABASE_URL is invalid: it must be a postgresql:// URL.');
  return requireSetting(url.data, 'DATABASE_URL', 'the PostgreSQL connection URL');
}

/** An empty variable (`OPENAI_API_KEY=` in compose or .env) means unset, as it does for a shell. */
const withoutEmpty = (source: NodeJS.ProcessEnv) =>
  Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));

export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(withoutEmpty(source));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${issue.path.join('.')} is invalid: ${issue.message}.`);
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  const databaseUrl = production
    ? requireSetting(env.DATABASE_URL, 'DATABASE_URL', 'the PostgreSQL connection URL')
    : env.DATABASE_URL;
  const webUrl = production
    ? requireSetting(env.BETTER_AUTH_URL, 'BETTER_AUTH_URL', "the web app's public URL (the JWT issuer)")
    : (env.BETTER_AUTH_URL ?? DEFAULT_WEB_URL);
  const jwksUrl = production
    ? requireSetting(env.AUTH_JWKS_URL, 'AUTH_JWKS_URL', "the URL of the web app's JWKS")
    : (env.AUTH_JWKS_URL ?? `${webUrl}${JWKS_PATH}`);
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    metricsPort: env.METRICS_PORT,
    databaseUrl,
    dataHome: env.DATA_DIR,
    dbPoolMax: env.DB_POOL_MAX,
    llm: llmSettingsFrom(env),
    auth: { jwksUrl, issuer: env.AUTH_ISSUER ?? webUrl, audience: env.AUTH_AUDIENCE ?? webUrl },
    logLevel: env.LOG_LEVEL,
    shutdownDelayMs: env.SHUTDOWN_DELAY_MS,
    chatRateLimitPerMinute: env.CHAT_RATE_LIMIT_PER_MINUTE,
    trustedProxies: env.TRUSTED_PROXIES,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
