import { z } from 'zod';

/**
 * Process configuration from the environment, validated once. Everything has a development default so that
 * `npm start` works on a fresh machine; production deployments set the variables (see README, "Configuration").
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** `demo` seeds the documented demo organizations and users on an empty database; `production` never seeds. */
  APP_MODE: z.enum(['demo', 'production']).default('demo'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Public origin behind a TLS proxy, e.g. https://gov.example.cn ; makes session cookies Secure. */
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** What the API and the worker connect as: the application role (no DDL, SELECT and INSERT only on audit_event). */
  DATABASE_URL: z.string().min(1).optional(),
  /** The owner role, for migrations (npm start, npm run db:migrate), which then grants DATABASE_URL's role its rights. */
  MIGRATION_DATABASE_URL: z.string().min(1).optional(),
  TEMPORAL_ADDRESS: z.string().min(1).optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('community-governance'),
  /** mTLS to an external Temporal cluster (both files, PEM). */
  TEMPORAL_TLS_CERT: z.string().optional(),
  TEMPORAL_TLS_KEY: z.string().optional(),
  /** CA certificate (PEM file) of a self-hosted cluster whose certificate is not signed by a public CA. */
  TEMPORAL_TLS_CA: z.string().optional(),
  TEMPORAL_API_KEY: z.string().optional(),
  DATA_DIR: z.string().optional(),
  /** SMTP server for mail copies of notifications; mail stays in the outbox when unset. */
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default('社区治理平台 <noreply@localhost>'),
});

export type Config = z.infer<typeof envSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

/** The database URL a process must use; set by `npm start` when it runs the embedded server. */
export function requireDatabaseUrl(config: Config): string {
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is not set');
  return config.DATABASE_URL;
}

export function requireTemporalAddress(config: Config): string {
  if (!config.TEMPORAL_ADDRESS) throw new Error('TEMPORAL_ADDRESS is not set');
  return config.TEMPORAL_ADDRESS;
}
